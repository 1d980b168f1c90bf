import { expect } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { validateScenario } from '../../../sim/scenarios/validateScenario';
import { useBuilderStore } from '../../../src/builder/builderStore';
import type { DesignDoc, OperationResult } from '../../../src/builder/designDoc';
import { EMPTY_HISTORY } from '../../../src/builder/designHistory';

/**
 * A preset's document, as the builder would start from it (a copy: tests may not share state).
 * Its lesson (goals, costs) is left out: those name stations too, and these tests are about the
 * topology.
 */
export function preset(name: string): DesignDoc {
  const doc = PRESETS[name];
  if (doc === undefined) throw new Error(`no preset ${name}`);
  const copy = structuredClone(doc) as DesignDoc;
  delete copy.lesson;
  return copy;
}

/** The smallest design: users calling one service with an endpoint. */
export function tiny(): DesignDoc {
  return {
    name: 'tiny',
    duration: 10,
    sources: [{ id: 'users', kind: 'poisson', target: 'api', rate: 10 }],
    stations: [
      {
        id: 'api',
        servers: 4,
        endpoints: { get: [{ kind: 'work', duration: { type: 'exponential', mean: 0.01 } }] },
      },
    ],
  };
}

/** The validator's errors for a document, none when it is valid. */
export function problems(doc: unknown): string[] {
  const result = validateScenario(doc);
  return result.ok ? [] : result.errors;
}

/** The document of a successful operation, after checking it validates. */
export function applied(result: OperationResult): DesignDoc {
  if (!result.ok) throw new Error(`operation refused: ${result.error}`);
  expect(problems(result.doc)).toEqual([]);
  return result.doc;
}

/** The message of a refused operation. */
export function refusal(result: OperationResult): string {
  if (result.ok) throw new Error('operation was expected to be refused');
  return result.error;
}

export const station = (doc: DesignDoc, id: string) =>
  (doc.stations as Record<string, unknown>[]).find((s) => s.id === id);

export const item = (doc: DesignDoc, collection: string, id: string) =>
  (doc[collection] as Record<string, unknown>[] | undefined)?.find((s) => s.id === id);

/** The builder store emptied (no design, selection, notice or history), then started on a preset. */
export function startBuilderOn(name: string): void {
  useBuilderStore.setState({ design: null, selected: null, notice: null, history: EMPTY_HISTORY });
  useBuilderStore.getState().start(preset(name));
}
