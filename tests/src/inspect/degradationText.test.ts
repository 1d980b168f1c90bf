import { describe, expect, it } from 'vitest';
import { QUALITY_WEIGHTS, type Outcomes } from '../../../sim/inspect/degradationQuality';
import { DEGRADATION_RUNGS } from '../../../sim/inspect/degradationScenario';
import {
  barParts,
  latencyText,
  OUTCOME_PARTS,
  qualityText,
  RUNG_TEXT,
  weightsText,
} from '../../../src/inspect/degradationText';

const outcomes: Outcomes = {
  offered: 200,
  fresh: 120,
  stale: 0,
  fallback: 50,
  shed: 20,
  failed: 10,
  p50: 0.2,
  p99: 0.35,
};

describe('degradation ladder texts', () => {
  it('gives every part of the bar its name, count and share in text, empty parts as 0', () => {
    const parts = barParts(outcomes);
    expect(parts.map((p) => [p.kind, p.count, p.text])).toEqual([
      ['fresh', 120, '60%'],
      ['stale', 0, '0.0%'],
      ['fallback', 50, '25%'],
      ['shed', 20, '10%'],
      ['failed', 10, '5.0%'],
    ]);
    expect(parts.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 12);
    // Five different colours, so no two parts look the same.
    expect(new Set(OUTCOME_PARTS.map((p) => p.colour)).size).toBe(5);
  });

  it('states the weights the quality figure is computed with', () => {
    const w = QUALITY_WEIGHTS;
    expect(weightsText()).toBe(
      `fresh ${w.fresh}, stale ${w.stale}, static fallback ${w.fallback}, refused ${w.shed}, failed ${w.failed}`,
    );
  });

  it('formats the figure and latencies for reading', () => {
    expect(qualityText(0.8394)).toBe('0.84');
    expect(qualityText(1)).toBe('1.00');
    expect(latencyText(0.0101)).toBe('10 ms');
    expect(latencyText(0.0015)).toBe('1.5 ms');
    expect(latencyText(0.3533)).toBe('0.35 s');
    expect(latencyText(1.978)).toBe('2 s');
    expect(latencyText(null)).toBe('none answered');
  });

  it('has a name and an explanation for every rung', () => {
    for (const rung of DEGRADATION_RUNGS) {
      expect(RUNG_TEXT[rung].name.length).toBeGreaterThan(3);
      expect(RUNG_TEXT[rung].does.length).toBeGreaterThan(40);
    }
  });
});
