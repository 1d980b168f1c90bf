import type { StateCreator } from 'zustand';
import type { FaultSpec } from '../../sim/scenarios/schema/faultSchema';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import type { Edit } from './edits';
import { EMPTY_LAYOUT, type SnapshotLayout } from './layout';
import type { AppState } from './store';

export const SPEEDS = [1, 10, 100, 1000, 'max'] as const;
/** Simulated seconds per wall second, or as fast as the worker goes. */
export type Speed = (typeof SPEEDS)[number];

export type RunStatus = 'starting' | 'loading' | 'paused' | 'playing' | 'finished';

export interface PresetInfo {
  name: string;
  title: string;
}

export interface RunState {
  status: RunStatus;
  presets: PresetInfo[];
  scenarioName: string;
  title: string;
  description: string;
  seed: number;
  now: number;
  duration: number;
  events: number;
  speed: Speed;
  /** Shown as banners until dismissed; each says how to reproduce when a run failed. */
  errors: string[];
  /** What validation warned about for the loaded scenario. */
  warnings: string[];
  scenario: Scenario | null;
  layout: SnapshotLayout;
  /** Faults injected into this run from the page, as scheduled; cleared by a reset or a load. */
  injectedFaults: FaultSpec[];
  /** Knob edits applied to the preset for this run (the parameter panel, a link). */
  edits: readonly Edit[];
}

export interface RunSlice {
  run: RunState;
  setPresets(presets: PresetInfo[]): void;
  setStatus(status: RunStatus): void;
  setSpeed(speed: Speed): void;
  addError(message: string): void;
  dismissError(index: number): void;
  faultsInjected(faults: FaultSpec[]): void;
}

export const INITIAL_RUN: RunState = {
  status: 'starting',
  presets: [],
  scenarioName: '',
  title: '',
  description: '',
  seed: 0,
  now: 0,
  duration: 0,
  events: 0,
  speed: 100,
  errors: [],
  warnings: [],
  scenario: null,
  layout: EMPTY_LAYOUT,
  injectedFaults: [],
  edits: [],
};

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => {
  const patch = (p: Partial<RunState>) => set((s) => ({ run: { ...s.run, ...p } }));
  return {
    run: INITIAL_RUN,
    setPresets: (presets) => patch({ presets }),
    setStatus: (status) => patch({ status }),
    setSpeed: (speed) => patch({ speed }),
    addError: (message) => set((s) => ({ run: { ...s.run, errors: [...s.run.errors, message] } })),
    dismissError: (index) =>
      set((s) => ({ run: { ...s.run, errors: s.run.errors.filter((_, i) => i !== index) } })),
    faultsInjected: (injectedFaults) => patch({ injectedFaults }),
  };
};
