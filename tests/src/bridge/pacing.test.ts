import { describe, expect, it } from 'vitest';
import { abortable } from '../../../src/bridge/abortable';
import { FRAME_BUDGET_MS, MAX_SPEED_BUDGET_MS, sliceFor } from '../../../src/bridge/pacing';

describe('sliceFor', () => {
  it('asks for speed x wall seconds of simulated time within the frame budget', () => {
    expect(sliceFor(100, 1 / 60)).toEqual({ simSeconds: 100 / 60, budgetMs: FRAME_BUDGET_MS });
    expect(sliceFor(1, 0.05)).toEqual({ simSeconds: 0.05, budgetMs: FRAME_BUDGET_MS });
  });

  it('caps a long gap (a background tab) and never goes backwards', () => {
    expect(sliceFor(10, 30).simSeconds).toBe(2.5);
    expect(sliceFor(10, -1).simSeconds).toBe(0);
  });

  it('max speed runs as far as the budget allows', () => {
    expect(sliceFor('max', 1 / 60)).toEqual({
      simSeconds: Infinity,
      budgetMs: MAX_SPEED_BUDGET_MS,
    });
  });
});

describe('abortable', () => {
  it('passes the result through', async () => {
    await expect(abortable(Promise.resolve(3), new AbortController().signal)).resolves.toBe(3);
  });

  it('rejects as soon as the signal aborts, with its reason', async () => {
    const controller = new AbortController();
    const never = new Promise<number>(() => {});
    const pending = abortable(never, controller.signal);
    controller.abort(new Error('stuck'));
    await expect(pending).rejects.toThrow('stuck');
  });

  it('rejects at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(abortable(Promise.resolve(1), controller.signal)).rejects.toThrow();
  });
});
