import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import {
  availableKinds,
  buildFault,
  describeFault,
  errorsByField,
  initialValues,
  parseNumberText,
  withValue,
} from '../../../src/components/faultInput';

const scenarioOf = (name: string) => presetScenario(name).scenario;

describe('fault form', () => {
  it('offers only the kinds whose targets the scenario has', () => {
    expect(availableKinds(scenarioOf('timeouts'))).toEqual(['slowdown', 'outage', 'servers']);
    expect(availableKinds(scenarioOf('cache-flush'))).toContain('flushCache');
    expect(availableKinds(scenarioOf('multi-active'))).toContain('centreDown');
    expect(availableKinds(scenarioOf('read-write-split'))).toContain('masterFailover');
    expect(availableKinds(scenarioOf('queue-smoothing'))).toContain('consumerCrash');
    expect(availableKinds(scenarioOf('queue-smoothing'))).not.toContain('flushCache');
  });

  it('starts with the first target and the usual parameters', () => {
    const timeouts = scenarioOf('timeouts');
    expect(initialValues(timeouts, 'slowdown')).toEqual({
      station: 'api',
      factor: '10',
      duration: '',
    });
    expect(initialValues(scenarioOf('multi-active'), 'centreDown')).toEqual({
      centre: 'east',
      failoverDelay: '30',
      duration: '',
    });
  });

  it('a choice that depends on another follows it', () => {
    const queue = scenarioOf('queue-smoothing');
    const values = initialValues(queue, 'consumerCrash');
    const consumers = queue.topics[0]!.consumers;
    expect(values.consumer).toBe(consumers[0]);
    const kept = withValue(queue, 'consumerCrash', values, 'consumer', consumers[1]!);
    expect(kept.consumer).toBe(consumers[1]);
    const gone = withValue(queue, 'consumerCrash', kept, 'topic', 'no-such-topic');
    expect(gone.consumer).toBe('');
  });

  it('sends numbers as numbers and anything else as typed, so the worker can name the range', () => {
    expect(parseNumberText(' 2.5 ')).toBe(2.5);
    expect(parseNumberText('1e3')).toBe(1000);
    expect(parseNumberText('-4')).toBe(-4);
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('ten')).toBe('ten');
    expect(parseNumberText('0x10')).toBe('0x10');
    expect(buildFault('slowdown', { station: 'payment', factor: 'x2', duration: '' })).toEqual({
      kind: 'slowdown',
      station: 'payment',
      factor: 'x2',
    });
    expect(buildFault('outage', { station: 'api', duration: '15' }, '40')).toEqual({
      kind: 'outage',
      station: 'api',
      duration: 15,
      at: 40,
    });
    expect(buildFault('outage', { station: 'api', duration: '' }, ' ')).toEqual({
      kind: 'outage',
      station: 'api',
    });
  });

  it('puts each message next to its field and keeps the rest apart', () => {
    expect(
      errorsByField([
        'fault.factor: must be a number from 0.001 to 1000, got 5000',
        'fault.at: must be within the run (0 to duration = 150 s), got 400',
        'fault: unknown field "x" (check the spelling; see scenario.schema.json)',
      ]),
    ).toEqual({
      fields: {
        factor: 'must be a number from 0.001 to 1000, got 5000',
        at: 'must be within the run (0 to duration = 150 s), got 400',
      },
      general: ['fault: unknown field "x" (check the spelling; see scenario.schema.json)'],
    });
  });

  it('describes an injected fault in one line', () => {
    expect(describeFault({ kind: 'outage', at: 20, station: 'payment', duration: 15 })).toBe(
      't = 20 s: Make a dependency fail (outage) (station payment, duration 15 s)',
    );
    expect(describeFault({ kind: 'slowdown', at: 12.3456, station: 'db', factor: 3 })).toBe(
      't = 12.346 s: Slow a dependency down (station db, factor 3)',
    );
  });
});
