import type { RequestOutcome, TraceHop } from '../../sim/trace/traceTypes';

/** Milliseconds with a precision that suits the size: 0.012 ms, 3.40 ms, 1,250 ms. */
export function formatMs(seconds: number): string {
  const ms = seconds * 1000;
  if (ms === 0) return '0 ms';
  if (ms < 0.1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en')} ms`;
}

export function formatTime(seconds: number): string {
  return `${seconds.toFixed(3)} s`;
}

export const OUTCOME_TEXT: Record<RequestOutcome, string> = {
  ok: 'ok',
  timeout: 'timed out',
  rejected: 'rejected',
  unavailable: 'unavailable',
  error: 'error',
  open: 'in flight',
};

export function hopName(hop: TraceHop): string {
  return hop.call === '' ? hop.station : `${hop.call} → ${hop.station}`;
}
