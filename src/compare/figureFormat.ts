import { formatCount, formatDuration, formatPercent, formatRate, NO_VALUE } from '../store/format';
import type { FigureUnit } from './abResult';

/** A figure in its unit, as the comparison and replication tables show it. */
export function formatFigure(value: number | null, unit: FigureUnit): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case 'count':
      return formatCount(value);
    case 'rate':
      return formatRate(value);
    case 'share':
      return formatPercent(value);
    case 'seconds':
      return formatDuration(value);
  }
}

/** A difference keeps its sign, so "+" says B is higher even where the unit has none. */
export function formatDifference(value: number | null, unit: FigureUnit): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  if (value === 0) return '0';
  const text = formatFigure(Math.abs(value), unit);
  return `${value > 0 ? '+' : '−'}${unit === 'share' ? text.replace('%', ' pt') : text}`;
}

/** A relative change as a signed percentage. */
export function formatRelative(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  if (value === 0) return '0%';
  return `${value > 0 ? '+' : '−'}${(Math.abs(value) * 100).toFixed(1)}%`;
}
