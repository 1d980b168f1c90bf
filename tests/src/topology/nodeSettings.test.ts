import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { breakerSettings, nodeSettings } from '../../../src/topology/nodeSettings';

const rowsOf = (preset: string, kind: 'source' | 'station', id: string) =>
  Object.fromEntries(
    nodeSettings(presetScenario(preset).scenario, { kind, id }).map((s) => [
      s.title,
      Object.fromEntries(s.rows),
    ]),
  );

describe('nodeSettings', () => {
  it('a station: pool, queue, timeout policy, each endpoint step with its timeout and breaker', () => {
    const api = rowsOf('circuit-breaker', 'station', 'api');
    expect(api['Station api']).toMatchObject({
      Servers: '60',
      'Queue capacity': '3000',
      'Timeout policy': 'keepWorking',
    });
    expect(api['Endpoint order']).toEqual({ 'Step 1': 'work: exponential, mean 5 ms' });
    const call = api['Endpoint page']!['Step 2']!;
    expect(call).toContain('call recommendations: timeout 1 s; on failure: fallback');
    // Given thresholds and the defaults the scenario leaves out, all spelled out.
    expect(call).toContain(
      'resilience4j breaker: opens at 50% failures or 50% slower than 500 ms, over the last 20 calls (at least 10 calls); open for 5 s, then 10 trial calls half-open',
    );
  });

  it('a dependency: its service time and the faults scheduled against it', () => {
    const rec = rowsOf('circuit-breaker', 'station', 'recommendations');
    expect(rec['Station recommendations']).toMatchObject({
      'Service time': 'lognormal, mean 20 ms, p99 80 ms',
    });
    expect(rec['Scheduled faults']).toEqual({ 't = 30 s': 'slowdown, factor 60, duration 60' });
  });

  it('a call without timeout says it waits forever; a source shows its client', () => {
    expect(rowsOf('timeouts', 'station', 'api')['Endpoint orders']!['Step 2']).toBe(
      'call payment: timeout none: waits forever; on failure: fail; no breaker',
    );
    expect(rowsOf('timeouts', 'source', 'menu-users')['Source menu-users']).toMatchObject({
      Target: 'api (menu)',
      Rate: '300 requests/s',
      'Client timeout': '1 s',
      Retries: 'none',
    });
  });

  it('database and cache roles of a station are shown with their settings', () => {
    const scenario = presetScenario('read-write-split').scenario;
    const db = scenario.databases[0]!;
    const master = rowsOf('read-write-split', 'station', db.master);
    expect(master[`Database ${db.id} (this station is its master)`]).toMatchObject({
      Replicas: db.replicas.join(', '),
      'Reads go to': db.readRouting,
    });
    const flush = presetScenario('cache-flush').scenario.caches[0]!;
    const node = rowsOf('cache-flush', 'station', flush.nodes[0]!);
    expect(Object.keys(node).some((t) => t.startsWith(`Cache ${flush.id}`))).toBe(true);
  });

  it('Hystrix defaults fill a hystrix breaker; an unknown node has no settings', () => {
    expect(breakerSettings({ preset: 'hystrix' })).toBe(
      'hystrix breaker: opens at 50% failures or never (no slow-call threshold), over the last 10 s (at least 20 calls); open for 5 s, then 1 trial calls half-open',
    );
    expect(nodeSettings(presetScenario('mm1').scenario, { kind: 'station', id: 'nope' })).toEqual(
      [],
    );
    expect(PRESETS.mm1).toBeDefined();
  });
});
