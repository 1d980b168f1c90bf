import { describe, expect, it } from 'vitest';
import { computeInSteps, type StepStatus } from '../../../src/inspect/stepwise';

/** Records what a view would be shown, in order. */
function recorder() {
  const shown: (['steps', string[]] | ['results', number[]] | ['status', StepStatus])[] = [];
  return {
    shown,
    show: {
      steps: (s: string[]) => shown.push(['steps', s]),
      results: (r: number[]) => shown.push(['results', r]),
      status: (s: StepStatus) => shown.push(['status', s]),
    },
  };
}

describe('computeInSteps', () => {
  it('clears the results, lists the steps, then shows progress before and the results after each', async () => {
    const { shown, show } = recorder();
    const asked: [string, number][] = [];
    await computeInSteps(
      async () => ['a', 'bb'],
      async (step, index) => {
        asked.push([step, index]);
        return { ok: true, value: step.length * 10 };
      },
      show,
    );
    expect(asked).toEqual([
      ['a', 0],
      ['bb', 1],
    ]);
    expect(shown).toEqual([
      ['results', []],
      ['steps', ['a', 'bb']],
      ['status', { kind: 'running', done: 0, of: 2 }],
      ['results', [10]],
      ['status', { kind: 'running', done: 1, of: 2 }],
      ['results', [10, 20]],
      ['status', { kind: 'done' }],
    ]);
  });

  it('stops at the first refused step and shows its errors, keeping the results before it', async () => {
    const { shown, show } = recorder();
    let calls = 0;
    await computeInSteps(
      async () => ['a', 'b', 'c'],
      async () =>
        ++calls === 2
          ? { ok: false, errors: ['seed must be', 'an integer'] }
          : { ok: true, value: 1 },
      show,
    );
    expect(calls).toBe(2);
    expect(shown.at(-2)).toEqual(['status', { kind: 'running', done: 1, of: 3 }]);
    expect(shown.at(-1)).toEqual([
      'status',
      { kind: 'error', message: 'seed must be; an integer' },
    ]);
    expect(shown.filter(([what]) => what === 'results').at(-1)).toEqual(['results', [1]]);
  });

  it('shows a failing list or a failing call as the error', async () => {
    const list = recorder();
    await computeInSteps(
      async () => Promise.reject(new Error('the worker failed')),
      async () => ({ ok: true, value: 0 }),
      list.show,
    );
    expect(list.shown).toEqual([
      ['results', []],
      ['status', { kind: 'error', message: 'the worker failed' }],
    ]);
    const call = recorder();
    await computeInSteps(
      async () => ['a'],
      async () => Promise.reject('gone'),
      call.show,
    );
    expect(call.shown.at(-1)).toEqual(['status', { kind: 'error', message: 'gone' }]);
  });

  it('is done at once when there are no steps', async () => {
    const { shown, show } = recorder();
    await computeInSteps(
      async () => [],
      async () => ({ ok: true, value: 0 }),
      show,
    );
    expect(shown).toEqual([
      ['results', []],
      ['steps', []],
      ['status', { kind: 'done' }],
    ]);
  });
});
