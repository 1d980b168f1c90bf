import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../../../sim/metrics/runReport';
import { OrderJournal, statePath } from '../../../../sim/model/orders/orderJournal';
import { checked } from '../../../../sim/scenarios/runScenario';
import type { ScenarioInput } from '../../../../sim/scenarios/schema/scenarioSchema';
import { Simulation } from '../../../../sim/scenarios/simulation';
import { orderScenario } from './orderScenario';

function run(doc: ScenarioInput, withJournal: boolean) {
  const sim = new Simulation(checked(doc).scenario);
  const journal = new OrderJournal();
  if (withJournal) sim.orderFlows[0]!.journal = journal;
  sim.runToEnd();
  const report = buildRunReport(sim, 0, []);
  return { sim, journal, json: JSON.stringify(report), report };
}

const crashAndDuplicates = orderScenario({
  rate: 20,
  arrivals: 10,
  duration: 120,
  client: {
    timeout: 0.3,
    retry: {
      maxAttempts: 4,
      initialBackoff: 0.05,
      multiplier: 2,
      maxBackoff: 1,
      jitter: 'full',
      retryOn: ['timeout', 'error'],
    },
  },
  flow: { creation: 'sync', scanner: { interval: 2, stuckAfter: 3 } },
  faults: [
    { kind: 'slowdown', at: 2, station: 'payment', factor: 20, duration: 3 },
    { kind: 'instanceCrash', at: 3, station: 'api' },
    { kind: 'duplicateCalls', at: 6, station: 'merchant', duration: 2 },
  ],
});

describe('order journal: each order told from its machines', () => {
  it('tells stories without changing the run', () => {
    const plain = run(crashAndDuplicates, false);
    const told = run(crashAndDuplicates, true);
    expect(told.json).toBe(plain.json);
    expect(told.journal.lists().recent.length).toBeGreaterThan(10);
  });

  it('a completed order passes through every forward step to completed, with its key stored', () => {
    const { journal } = run(orderScenario({ rate: 10, arrivals: 3, duration: 30 }), true);
    const [first] = journal.lists().recent;
    const story = journal.story(first!.orderId)!;
    expect(story.outcome).toBe('completed');
    const sagaStates = story.entries.filter((e) => e.lane === 'saga').map((e) => e.state!);
    const topLevel = [...new Set(sagaStates.map((s) => s.split('.')[0]))];
    expect(topLevel).toEqual([
      'persistingOrder',
      'reservingRider',
      'capturingPayment',
      'notifyingMerchant',
      'completed',
    ]);
    const key = story.entries.filter((e) => e.lane === 'key');
    expect(key[0]!.what).toBe('request.received: process it');
    expect(key.at(-1)!.what).toBe('request.completed: 201 stored');
    expect(key.at(-1)!.state).toBe('completed');
    // Lines are in time order.
    const times = story.entries.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('marks what happened: the scheduled job, lost replies, duplicates, replays and conflicts', () => {
    const { journal, report } = run(crashAndDuplicates, true);
    const o = report.orders!.orders!;
    const notable = journal.lists().notable;
    const marked = (mark: string) => notable.filter((s) => s.marks.includes(mark as never));
    expect(o.lostReplies).toBeGreaterThan(0);
    expect(marked('replyLost').length).toBeGreaterThan(0);
    expect(marked('byScheduledJob').length).toBeGreaterThan(0);
    expect(marked('duplicateSuppressed').length).toBeGreaterThan(0);
    expect(marked('conflict').length + marked('replayServed').length).toBeGreaterThan(0);
    // A saga the job moved has the job's line before its next saga event.
    const moved = journal.story(marked('byScheduledJob')[0]!.orderId)!;
    const i = moved.entries.findIndex((e) => e.what.startsWith('scheduled job'));
    expect(moved.entries[i + 1]!.what).toMatch(/^step\.timedOut/);
  });

  it('state paths read as XState values do', () => {
    expect(statePath('completed')).toBe('completed');
    expect(statePath({ capturingPayment: 'awaitingReply' })).toBe('capturingPayment.awaitingReply');
    expect(statePath({ a: { b: 'c' } })).toBe('a.b.c');
  });
});
