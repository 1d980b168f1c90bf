import type { StateCreator } from 'zustand';
import { EMPTY_FIGURES, type Figures, type LiveSample } from './liveFigures';
import type { AppState } from './store';

export interface FiguresSlice {
  /** Numbers for the tables and the topology, from the latest snapshot and the recent window. */
  figures: Figures;
  /** The recent snapshots the windowed figures are computed from, oldest first. */
  window: LiveSample[];
}

export const createFiguresSlice: StateCreator<AppState, [], [], FiguresSlice> = () => ({
  figures: EMPTY_FIGURES,
  window: [],
});
