import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { validateScenario, validateScenarioText } from '../../../sim/scenarios/validateScenario';
import { exponential, scenario } from '../../helpers/scenarioBuilder';

const valid = () =>
  scenario('ok')
    .station({ id: 'web', servers: 2, service: exponential(0.1), routes: [{ to: 'db', p: 0.5 }] })
    .station({ id: 'db', servers: 1, service: exponential(0.05) })
    .poisson('users', 'web', 5)
    .input();

function errorsOf(input: unknown): string[] {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors;
}

describe('scenario validation', () => {
  it('accepts every preset', () => {
    for (const [name, preset] of Object.entries(PRESETS)) {
      const result = validateScenario(preset);
      expect(result.ok ? 'ok' : result.errors.join('; '), name).toBe('ok');
    }
  });

  it('names the field, the allowed range and the value given', () => {
    const doc = valid();
    doc.stations[1]!.servers = 0;
    expect(errorsOf(doc)).toEqual([
      'stations[1].servers: must be an integer from 1 to 1000000, got 0',
    ]);
  });

  it('reports a missing field as required, with what it must be', () => {
    const doc = valid() as { stations: { servers?: number }[] };
    delete doc.stations[0]!.servers;
    expect(errorsOf(doc)).toEqual([
      'stations[0].servers: is required (must be an integer from 1 to 1000000)',
    ]);
  });

  it('refuses negative rates and means', () => {
    const doc = valid();
    doc.sources[0] = { id: 'users', kind: 'poisson', target: 'web', rate: -5 };
    doc.stations[0]!.service = { type: 'exponential', mean: -1 };
    expect(errorsOf(doc)).toEqual([
      'sources[0].rate: must be a number >= 0 requests/s, got -5',
      'stations[0].service.mean: must be > 0, got -1',
    ]);
  });

  it('names an unknown station in routing, and lists the stations there are', () => {
    const doc = valid();
    doc.stations[0]!.routes = [{ to: 'dbx', p: 0.5 }];
    expect(errorsOf(doc)).toEqual([
      'stations[0].routes[0].to: unknown station "dbx" (stations are "web", "db")',
    ]);
  });

  it('reports every problem at once, shape errors and cross references together', () => {
    const doc = valid();
    doc.stations[0]!.servers = 0;
    doc.sources[0]!.target = 'nowhere';
    const errors = errorsOf(doc);
    expect(errors).toHaveLength(2);
    expect(errors[1]).toContain('sources[0].target: unknown station "nowhere"');
  });

  it('refuses duplicate ids, unknown fields, route probabilities above 1 and late faults', () => {
    const doc = valid() as ReturnType<typeof valid> & { stations: Record<string, unknown>[] };
    doc.stations[1]!.id = 'web';
    doc.stations[0]!.colour = 'red';
    const errors = errorsOf(doc);
    expect(errors).toContain('stations[1].id: duplicate station id "web"');
    expect(errors).toContain(
      'stations[0]: unknown field "colour" (check the spelling; see scenario.schema.json)',
    );

    const routes = valid();
    routes.stations[0]!.routes = [
      { to: 'db', p: 0.7 },
      { to: 'web', p: 0.6 },
    ];
    expect(errorsOf(routes)[0]).toMatch(/^stations\[0\]\.routes: route probabilities must add up/);

    const late = valid();
    late.faults = [{ kind: 'outage', at: 500, station: 'db' }];
    expect(errorsOf(late)).toEqual([
      'faults[0].at: must be within the run (0 to duration = 100 s), got 500',
    ]);
  });

  it('warns about a station far above capacity with an unbounded queue, and runs it', () => {
    const doc = valid();
    doc.sources[0] = { id: 'users', kind: 'poisson', target: 'web', rate: 100 };
    const result = validateScenario(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/^stations\[0\] \(web\): offered utilisation 5\.00 >= 1/);
    // db gets half of web's offered 100/s: 50 x 0.05 = 2.5
    expect(result.warnings[1]).toMatch(/^stations\[1\] \(db\): offered utilisation 2\.50 >= 1/);
  });

  it('does not warn when the overloaded station has a bounded queue', () => {
    const doc = valid();
    doc.sources[0] = { id: 'users', kind: 'poisson', target: 'web', rate: 100 };
    doc.stations[0]!.queueCapacity = 100;
    doc.stations[1]!.queueCapacity = 100;
    const result = validateScenario(doc);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('reports a JSON syntax error as such', () => {
    const result = validateScenarioText('{"name": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^not valid JSON: /);
  });

  it('fills in defaults: seed 1, no warm-up, keepWorking, no faults', () => {
    const result = validateScenario(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.seed).toBe(1);
    expect(result.scenario.warmup).toBe(0);
    expect(result.scenario.stations[0]!.timeoutPolicy).toBe('keepWorking');
    expect(result.scenario.faults).toEqual([]);
  });
});
