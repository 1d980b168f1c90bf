import type { ReplicationReport } from '../../sim/metrics/replications';
import { NO_VALUE } from '../store/format';
import { formatFigure } from './figureFormat';
import { replicationRows } from './replicationRows';

const YES_NO = { true: 'yes', false: 'no' } as const;

/** Each key figure's mean over the seeds, its 95% interval, and the closed form where known. */
export function ReplicationTable({ summary }: { summary: ReplicationReport }) {
  const rows = replicationRows(summary);
  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it too.
    <div className="compare-table-wrap" role="region" aria-label="Replication figures" tabIndex={0}>
      <table className="live-table compare-table" data-testid="replication-figures">
        <caption>
          {summary.replications} runs, seeds {summary.seeds.first} to {summary.seeds.last}: mean ±
          half-width of the 95% Student-t interval (warm-up of {summary.warmupSeconds} s left out)
        </caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Figure</th>
            <th scope="col">Mean</th>
            <th scope="col">±95%</th>
            <th scope="col">Theory</th>
            <th scope="col" title="Whether the closed form lies inside the 95% interval">
              In interval
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.section}:${row.id}:${row.figure}`}
              data-testid={`replication-${row.section}-${row.id}-${row.figure}`}
              data-mean={row.mean ?? ''}
              data-half-width={row.halfWidth ?? ''}
              data-theory={row.theory ?? ''}
            >
              <th scope="row">
                {row.section} {row.id}
              </th>
              <td>{row.label}</td>
              <td data-col="mean">{formatFigure(row.mean, row.unit)}</td>
              <td data-col="halfWidth">
                {row.halfWidth === null ? NO_VALUE : `±${formatFigure(row.halfWidth, row.unit)}`}
              </td>
              <td data-col="theory">{formatFigure(row.theory ?? null, row.unit)}</td>
              <td data-col="inInterval">
                {row.theoryInInterval === null ? NO_VALUE : YES_NO[`${row.theoryInInterval}`]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
