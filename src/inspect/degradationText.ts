import type { DegradationRung } from '../../sim/inspect/degradationLadder';
import { QUALITY_WEIGHTS, type Outcomes } from '../../sim/inspect/degradationQuality';
import {
  DEGRADE_ABOVE,
  LOCAL_TTL,
  SHED_QUEUE,
  type DegradationRungId,
} from '../../sim/inspect/degradationScenario';
import { shareText } from './rawSeries';

export type OutcomeKind = 'fresh' | 'stale' | 'fallback' | 'shed' | 'failed';

/**
 * The parts of the stacked bar, best first. Okabe-Ito colours (safe for the common colour-vision
 * deficiencies), and every part also carries its name and number in text.
 */
export const OUTCOME_PARTS: readonly { kind: OutcomeKind; label: string; colour: string }[] = [
  { kind: 'fresh', label: 'fresh', colour: '#009E73' },
  { kind: 'stale', label: 'stale', colour: '#56B4E9' },
  { kind: 'fallback', label: 'static fallback', colour: '#E69F00' },
  { kind: 'shed', label: 'refused (shed)', colour: '#CC79A7' },
  { kind: 'failed', label: 'failed or timed out', colour: '#D55E00' },
];

/** Each rung: its name on the control, what it does, and what it costs the user. */
export const RUNG_TEXT: Record<DegradationRungId, { name: string; does: string }> = {
  full: {
    name: 'Full service',
    does:
      'Every menu page and every checkout asks pricing. It cannot keep up: its queue outgrows ' +
      'the 1 s call timeout, it works on answers nobody waits for any more, and users time out.',
  },
  stale: {
    name: 'Stale cache answers',
    does:
      `Menu pages read prices through an in-process cache (${LOCAL_TTL} s TTL) in front of ` +
      'Redis: pricing only sees misses and checkouts. The cost: a price edited in the last ' +
      'seconds may be shown out of date.',
  },
  fallback: {
    name: 'Static fallback',
    does:
      `While over ${Math.round(DEGRADE_ABOVE * 100)}% of the app's threads are busy, menu pages ` +
      'skip pricing and show the static list price. Everyone gets a page, a share of them ' +
      'without the live price, and pricing stays busy, so checkouts wait longer.',
  },
  shed: {
    name: 'Shedding',
    does:
      `Pricing refuses menu-page calls (non-critical) once ${SHED_QUEUE} calls wait in its ` +
      'queue; those users get "busy, try again" at once. Checkouts (critical) are never ' +
      'refused and stay fast.',
  },
};

/**
 * What the comparison row shows with these settings, checked in numbers by
 * tests/sim/inspect/degradationLadder.test.ts for several seeds.
 */
export const LADDER_CLAIM =
  'At this peak each rung further down gives up some quality (stale answers cost least, ' +
  'shedding most), and every one of them does better than full service, where most users ' +
  'wait and then get nothing.';

/** The quality figure as shown: two decimals, on a 0 to 1 scale. */
export const qualityText = (quality: number): string => quality.toFixed(2);

/** The weights behind the quality figure, in words, as the view states them. */
export const weightsText = (): string => {
  const w = QUALITY_WEIGHTS;
  return (
    `fresh ${w.fresh}, stale ${w.stale}, static fallback ${w.fallback}, ` +
    `refused ${w.shed}, failed ${w.failed}`
  );
};

/** A latency in the unit that reads best ("8 ms", "0.35 s"), or "none answered". */
export const latencyText = (seconds: number | null): string =>
  seconds === null
    ? 'none answered'
    : seconds < 0.1
      ? `${Number((seconds * 1000).toPrecision(2))} ms`
      : `${Number(seconds.toPrecision(2))} s`;

/** One part of the bar: its count and share of the requests. */
export interface BarPart {
  kind: OutcomeKind;
  label: string;
  colour: string;
  count: number;
  share: number;
  text: string;
}

/** The stacked bar's parts for a set of outcomes, empty parts included (shown as 0 in text). */
export function barParts(o: Outcomes): BarPart[] {
  return OUTCOME_PARTS.map((p) => {
    const count = o[p.kind];
    const share = o.offered > 0 ? count / o.offered : 0;
    return { ...p, count, share, text: shareText(share) };
  });
}

/** The one-line summary under the figure: how many requests, how many answered. */
export function answeredText(r: DegradationRung): string {
  const o = r.all;
  const answered = o.fresh + o.stale + o.fallback;
  return `${answered.toLocaleString('en')} of ${o.offered.toLocaleString('en')} requests answered (${shareText(answered / o.offered)})`;
}
