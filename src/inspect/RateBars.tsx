import type { BreakerView } from '../../sim/inspect/breakerView';
import { rateText } from './breakerText';

const WIDTH = 260;
const BAR = 14;
const LABEL = 92;

interface Row {
  id: string;
  label: string;
  rate: number | null;
  threshold: number;
  colour: string;
}

/**
 * The failure and slow-call rates as bars from 0 to 100%, each with its threshold as a line:
 * the bar reaching the line is what opens the breaker. Below the minimum number of calls the
 * bar is hatched and reads "n/a".
 */
export function RateBars({ view }: { view: BreakerView }) {
  const rows: Row[] = [
    {
      id: 'failure',
      label: 'Failure rate',
      rate: view.failureRate,
      threshold: view.config.failureRateThreshold,
      colour: '#D55E00',
    },
    {
      id: 'slow',
      label: 'Slow-call rate',
      rate: view.slowCallRate,
      threshold: view.config.slowCallRateThreshold,
      colour: '#E69F00',
    },
  ];
  const x = (percent: number) => LABEL + ((WIDTH - LABEL - 50) * percent) / 100;
  return (
    <svg
      className="rate-bars"
      width={WIDTH}
      height={rows.length * (BAR + 12) + 4}
      role="img"
      aria-label={rows
        .map((r) => `${r.label} ${rateText(r.rate)}, opens at ${r.threshold}%`)
        .join('; ')}
    >
      <defs>
        <pattern id="rate-na" width="6" height="6" patternUnits="userSpaceOnUse">
          <path d="M0,6 L6,0" stroke="currentColor" strokeWidth="1" opacity="0.5" />
        </pattern>
      </defs>
      {rows.map((r, i) => {
        const y = 4 + i * (BAR + 12);
        const over = r.rate !== null && r.rate >= r.threshold;
        return (
          <g key={r.id} data-testid={`breaker-rate-${r.id}`}>
            <text x={0} y={y + BAR - 3} className="bar-label">
              {r.label}
            </text>
            <rect x={x(0)} y={y} width={x(100) - x(0)} height={BAR} className="bar-track" />
            {r.rate === null ? (
              <rect x={x(0)} y={y} width={x(100) - x(0)} height={BAR} fill="url(#rate-na)" />
            ) : (
              <rect x={x(0)} y={y} width={x(r.rate) - x(0)} height={BAR} fill={r.colour} />
            )}
            <line
              x1={x(r.threshold)}
              x2={x(r.threshold)}
              y1={y - 3}
              y2={y + BAR + 3}
              className="threshold-line"
            />
            <text x={x(100) + 4} y={y + BAR - 3} className="bar-value">
              {rateText(r.rate)}
              {over ? ' ≥' : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
