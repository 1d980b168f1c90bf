import type { TraceSummary } from '../../sim/trace/traceTypes';
import { formatMs, formatTime, OUTCOME_TEXT } from './traceFormat';

interface TraceListProps {
  caption: string;
  testId: string;
  traces: readonly TraceSummary[];
  onOpen(id: number): void;
  selected: number | null;
}

/** A table of traces, latest first; each row opens its trace. */
export function TraceList({ caption, testId, traces, onOpen, selected }: TraceListProps) {
  return (
    <table className="live-table trace-list" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Ended at</th>
          <th scope="col">Source</th>
          <th scope="col">Latency</th>
          <th scope="col">Outcome</th>
          <th scope="col">
            <span className="visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {traces.length === 0 && (
          <tr>
            <td colSpan={5}>None yet.</td>
          </tr>
        )}
        {[...traces].reverse().map((t) => (
          <tr key={t.id} aria-selected={selected === t.id} data-outcome={t.outcome}>
            <td>{formatTime(t.end)}</td>
            <td>{t.source}</td>
            <td>{formatMs(t.latency)}</td>
            <td>
              {OUTCOME_TEXT[t.outcome]}
              {t.attempts > 1 ? ` (${t.attempts} attempts)` : ''}
            </td>
            <td>
              <button
                type="button"
                onClick={() => onOpen(t.id)}
                aria-label={`Open request ${t.id}`}
              >
                Open
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
