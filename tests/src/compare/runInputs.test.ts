import { describe, expect, it } from 'vitest';
import { parseRuns, parseUntil } from '../../../src/compare/runInputs';

describe('replication and A/B form fields', () => {
  it('take 2 to 50 runs and name the field and range otherwise', () => {
    expect(parseRuns(' 2 ')).toEqual({ ok: true, value: 2 });
    expect(parseRuns('50')).toEqual({ ok: true, value: 50 });
    for (const text of ['1', '51', '2.5', '', 'ten']) {
      expect(parseRuns(text)).toEqual({
        ok: false,
        error: `Runs: must be an integer from 2 to 50, got "${text.trim()}"`,
      });
    }
  });

  it('run to a time past the warm-up and within the run, or to the end when empty', () => {
    const scenario = { duration: 600, warmup: 100 };
    expect(parseUntil('', scenario)).toEqual({ ok: true, value: undefined });
    expect(parseUntil('600', scenario)).toEqual({ ok: true, value: 600 });
    expect(parseUntil('100.5', scenario)).toEqual({ ok: true, value: 100.5 });
    for (const text of ['100', '601', 'soon', '-1']) {
      expect(parseUntil(text, scenario)).toEqual({
        ok: false,
        error: `Run to t: must be a number of seconds > the warm-up (100) and at most 600 (empty: to the end), got "${text}"`,
      });
    }
  });
});
