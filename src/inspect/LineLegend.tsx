import type { SeriesStyle } from './seriesLine';

/**
 * The legend above an Inspect line chart: a short stretch of each line, in its colour and dash,
 * beside its words (the label unless `text` says more), so no line is told by colour alone.
 */
export function LineLegend<Line extends SeriesStyle>({
  lines,
  text = (line) => line.label,
}: {
  lines: readonly Line[];
  text?: (line: Line) => string;
}) {
  return (
    <ul className="raw-legend" aria-label="Legend">
      {lines.map((line) => (
        <li key={line.id}>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              x2="28"
              y1="5"
              y2="5"
              stroke={line.colour}
              strokeWidth="2"
              strokeDasharray={line.dash}
            />
          </svg>{' '}
          {text(line)}
        </li>
      ))}
    </ul>
  );
}
