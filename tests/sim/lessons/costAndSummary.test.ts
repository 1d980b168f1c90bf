import { describe, expect, it } from 'vitest';
import { costScore } from '../../../sim/lessons/costScore';
import { formatGoals } from '../../../sim/lessons/formatGoals';
import { lessonApi } from '../../../sim/worker/lessonApi';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checked } from '../../../sim/scenarios/runScenario';
import { Simulation } from '../../../sim/scenarios/simulation';

const presetScenario = (name: string) => checked(PRESETS[name]).scenario;

describe('challenge score', () => {
  it('prices servers, replicas and cache memory per hour, line by line', () => {
    const doc = structuredClone(PRESETS['cache-consistency']) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc.lesson.costs = { server: 0.01, stations: { 'order-db': 0.5 }, cacheMillionKeys: 100 };
    const score = costScore(checked(doc).scenario)!;
    // order-api 500 x 0.01 = 5, redis-0 4 x 0.01 = 0.04, order-db 50 x 0.5 = 25, 1,000 keys = 0.1
    expect(score.items).toEqual([
      { what: 'order-api servers', count: 500, price: 0.01, cost: 5 },
      { what: 'redis-0 servers', count: 4, price: 0.01, cost: 0.04 },
      { what: 'order-db servers', count: 50, price: 0.5, cost: 25 },
      { what: 'order-cache memory (million keys)', count: 0.001, price: 100, cost: 0.1 },
    ]);
    expect(score.perHour).toBe(30.14);
  });

  it('scores read-write-split as shipped: 6 x 32 connections at $0.05 and 5 replicas at $2', () => {
    expect(costScore(presetScenario('read-write-split'))!.perHour).toBe(19.6);
  });

  it('is absent without prices', () => {
    expect(costScore(presetScenario('cache-consistency'))).toBeUndefined();
  });
});

describe('goals in the CLI summary and the worker', () => {
  it('lists each goal with its verdict, time and reason, and the score', () => {
    const sim = new Simulation(presetScenario('timeouts'));
    const api = lessonApi(() => sim);
    expect(api.goals()!.goals.map((g) => g.status)).toEqual(['pending', 'pending']);
    sim.runToEnd();
    const report = api.goals()!;
    expect(report.allMet).toBe(false);
    const text = formatGoals(report);
    expect(text).toContain('Goals\nstatus  at');
    expect(text).toMatch(
      /BROKEN {2}31\.0 s {2}Menu p99 under 100 ms {9}p99 0\.321 s > 0\.100 s in t = 30\.0-31\.0 s/,
    );
    expect(text).toContain('Challenge score: $4.00 per hour (api servers 40 x $0.1 = $4.00)');
    expect(text).toContain(': counts only once every goal is met');
  });

  it('adds nothing for a scenario without a lesson', () => {
    const sim = new Simulation(presetScenario('mm1'));
    expect(lessonApi(() => sim).goals()).toBeNull();
    expect(formatGoals(undefined)).toBe('');
  });
});
