import { describe, expect, it } from 'vitest';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { removeReplica } from '../../../src/builder/operations/removeReplica';
import { applied, item, preset, refusal, station } from './builderFixtures';

describe('addReplica', () => {
  it('adds replicas named like the others, configured like the last, placed after it', () => {
    let doc = preset('read-write-split');
    doc = applied(addReplica(doc, 'orders'));
    doc = applied(addReplica(doc, 'orders'));
    expect(item(doc, 'databases', 'orders')!.replicas).toEqual([
      'replica-1',
      'replica-2',
      'replica-3',
      'replica-4',
      'replica-5',
      'replica-6',
      'replica-7',
    ]);
    expect(station(doc, 'replica-7')).toEqual({ ...station(doc, 'replica-5'), id: 'replica-7' });
    const ids = (doc.stations as { id: string }[]).map((s) => s.id);
    expect(ids.slice(-3)).toEqual(['replica-5', 'replica-6', 'replica-7']);
  });

  it('refuses an unknown database', () => {
    expect(refusal(addReplica(preset('read-write-split'), 'nope'))).toBe(
      'Cannot add a replica: no database "nope"',
    );
  });
});

describe('removeReplica', () => {
  it('removes the last replica and its station', () => {
    const doc = applied(removeReplica(preset('read-write-split'), 'orders'));
    expect(item(doc, 'databases', 'orders')!.replicas).toHaveLength(4);
    expect(station(doc, 'replica-5')).toBeUndefined();
  });

  it('refuses when the replica station is referred to elsewhere, naming the place', () => {
    const doc = preset('read-write-split');
    doc.tiers = [{ id: 'reads', stations: ['replica-5'] }];
    expect(refusal(removeReplica(doc, 'orders'))).toBe(
      'Cannot remove replica "replica-5": it is still referred to by tiers[0].stations[0] (in "reads")',
    );
  });

  it('refuses a database with no replicas', () => {
    let doc = preset('read-write-split');
    for (let i = 0; i < 5; i++) doc = applied(removeReplica(doc, 'orders'));
    expect(refusal(removeReplica(doc, 'orders'))).toBe('Database "orders" has no replicas');
  });
});
