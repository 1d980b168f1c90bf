import { describe, expect, it } from 'vitest';
import { exponential, scenario } from '../../../helpers/scenarioBuilder';

describe('replicated database memory', () => {
  it('keeps write history only for recently written keys, however many keys a run writes', () => {
    // 200 writes/s for 10 minutes over a million keys: about 120,000 distinct keys written.
    const sim = scenario('history')
      .lasting(600)
      .keys(1_000_000, 0)
      .database({ id: 'orders', master: 'master', replicas: ['replica'] })
      .station({
        id: 'api',
        servers: 100,
        endpoints: { write: [{ kind: 'dbWrite', db: 'orders' }] },
      })
      .station({ id: 'master', servers: 10, service: exponential(0.002) })
      .station({ id: 'replica', servers: 10, service: exponential(0.002) })
      .source({ id: 'writers', kind: 'poisson', target: 'api', endpoint: 'write', rate: 200 })
      .run();
    const db = sim.databases[0]!;
    expect(db.writes).toBeGreaterThan(110_000);
    // Only keys written in roughly the last 10 to 12.5 s are kept: about 2,000 to 2,500.
    expect(db.trackedKeys).toBeGreaterThan(1_900);
    expect(db.trackedKeys).toBeLessThan(2_600);
  });
});
