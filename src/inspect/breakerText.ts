import type { BreakerView, OutcomeName } from '../../sim/inspect/breakerView';
import type { CircuitState } from '../../sim/model/resilience/circuitBreaker';

/** A state as a word and a shape, so it never rests on colour alone. */
export const STATE_ICON: Record<CircuitState, string> = {
  CLOSED: '●',
  OPEN: '○',
  HALF_OPEN: '◐',
  DISABLED: '–',
  FORCED_OPEN: '⊘',
  METRICS_ONLY: '◇',
};

/** The one line that answers "why is it still open?" (or what it is waiting for). */
export function stateDetail(v: BreakerView): string {
  if (v.state === 'OPEN' && v.openSecondsLeft !== null) {
    return v.openSecondsLeft > 0
      ? `OPEN: ${v.openSecondsLeft.toFixed(1)} s left`
      : 'OPEN: wait over, the next call probes';
  }
  if (v.state === 'HALF_OPEN' && v.probes) {
    return `${v.probes.used} of ${v.probes.permitted} probes used`;
  }
  if (v.state === 'CLOSED') return 'CLOSED: calls flow';
  return v.state;
}

/** Minimum-calls gating, as Resilience4j applies it (SEMANTICS.md section 1). */
export function gatingText(v: BreakerView): string {
  const held = `${v.window.total} call${v.window.total === 1 ? '' : 's'}`;
  return v.belowMinimum
    ? `Window holds ${held}: rates count from ${v.minimumCalls}, so nothing is decided yet.`
    : `Window holds ${held} (minimum ${v.minimumCalls} reached): rates are checked on every call.`;
}

/** The settings, in the words of Resilience4j's CircuitBreakerConfig. */
export function configText(v: BreakerView): string {
  const c = v.config;
  const window =
    c.slidingWindowType === 'COUNT_BASED'
      ? `last ${c.slidingWindowSize} calls`
      : `last ${c.slidingWindowSize} s`;
  return (
    `Window: ${window} · opens at ≥ ${c.failureRateThreshold}% failed or ≥ ` +
    `${c.slowCallRateThreshold}% slow (> ${c.slowCallDurationThreshold} s) · ` +
    `${c.waitDurationInOpenState} s in OPEN · ${c.permittedNumberOfCallsInHalfOpenState} probes`
  );
}

/** Outcome cells: a colour from the Okabe-Ito palette and a glyph that says the same. */
export const OUTCOME_STYLE: Record<OutcomeName, { colour: string; glyph: string; label: string }> =
  {
    success: { colour: '#009E73', glyph: '✓', label: 'success' },
    failure: { colour: '#D55E00', glyph: '✕', label: 'failed' },
    slowSuccess: { colour: '#E69F00', glyph: 'S', label: 'slow' },
    slowFailure: { colour: '#CC79A7', glyph: 'S✕', label: 'slow and failed' },
  };

export const OUTCOME_ORDER: readonly OutcomeName[] = [
  'success',
  'failure',
  'slowSuccess',
  'slowFailure',
];

/** A rate for display: "56.3%", or "n/a" below the minimum number of calls. */
export const rateText = (rate: number | null): string =>
  rate === null ? 'n/a' : `${Math.round(rate * 10) / 10}%`;
