import type { LoadedScenario } from '../store/layout';
import type { Snapshot } from '../../sim/worker/snapshot';

/**
 * One field of one subject read out of a snapshot's series block ([subject][field][bucket],
 * flattened subject-major, subjects as the load listed them), or null when absent. The run
 * report's series carry no per-bucket percentiles; the snapshot's do (latencyP99).
 */
export function seriesColumn(
  subjects: LoadedScenario['seriesSubjects'],
  series: Snapshot['series'],
  kind: LoadedScenario['seriesSubjects'][number]['kind'],
  id: string,
  field: string,
): number[] | null {
  const rows = series.buckets - series.fromBucket;
  let offset = 0;
  for (const subject of subjects) {
    if (subject.kind === kind && subject.id === id) {
      const f = subject.fields.indexOf(field);
      if (f < 0) return null;
      const start = offset + f * rows;
      return Array.from(series.data.subarray(start, start + rows));
    }
    offset += subject.fields.length * rows;
  }
  return null;
}
