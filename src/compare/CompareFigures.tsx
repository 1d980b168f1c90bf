import type { AbResult } from './abResult';
import { formatDifference, formatFigure, formatRelative } from './figureFormat';

/** The key figures of both runs side by side, with B − A and the relative change. */
export function CompareFigures({ result }: { result: AbResult }) {
  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it too.
    <div className="compare-table-wrap" role="region" aria-label="A/B key figures" tabIndex={0}>
      <table className="live-table compare-table" data-testid="compare-figures">
        <caption>Key figures (warm-up left out), A against B on the same seed</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Figure</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B − A</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr
              key={`${row.section}:${row.id}:${row.figure}`}
              data-testid={`compare-${row.section}-${row.id}-${row.figure}`}
              data-a={row.a ?? ''}
              data-b={row.b ?? ''}
            >
              <th scope="row">
                {row.section} {row.id}
              </th>
              <td>{row.label}</td>
              <td data-col="a">{formatFigure(row.a, row.unit)}</td>
              <td data-col="b">{formatFigure(row.b, row.unit)}</td>
              <td data-col="difference">{formatDifference(row.difference, row.unit)}</td>
              <td data-col="relative">{formatRelative(row.relative)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
