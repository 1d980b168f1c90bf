import { describe, expect, it } from 'vitest';
import { parsePath } from '../../../sim/lessons/lessonReferences';
import { PRESETS } from '../../../sim/scenarios/presets';
import { validateScenario, validateScenarioText } from '../../../sim/scenarios/validateScenario';

interface LessonDoc {
  lesson: {
    text?: string;
    knobs: string[];
    checkEvery?: number;
    goals: Record<string, unknown>[];
    costs: { stations: Record<string, number> };
  };
}

/** The timeouts preset (it has a lesson with two goals and prices), to break one field at a time. */
const timeouts = () => structuredClone(PRESETS.timeouts) as LessonDoc;

function errorsOf(input: unknown): string[] {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors;
}

describe('lesson validation', () => {
  it('names the goal field, its allowed values and the value given', () => {
    const doc = timeouts();
    doc.lesson.goals[0]!.percentile = 90;
    doc.lesson.goals[0]!.below = -1;
    doc.lesson.checkEvery = 0;
    expect(errorsOf(doc)).toEqual([
      'lesson.checkEvery: must be a number from 0.1 to 3600 s, got 0',
      'lesson.goals[0].percentile: must be 50, 95 or 99, got 90',
      'lesson.goals[0].below: must be a number > 0 s, got -1',
    ]);
  });

  it('lists the goal kinds when the kind is unknown, and refuses unknown fields', () => {
    const doc = timeouts();
    doc.lesson.goals[0] = { kind: 'speed', id: 'fast', title: 'Be fast' };
    doc.lesson.goals[1]!.atleast = 0.5;
    expect(errorsOf(doc)).toEqual([
      'lesson.goals[0].kind: must be "latency", "successRatio", "staleReads", "ordersLost", "backlogDrained" or "utilisation", got "speed"',
      'lesson.goals[1]: unknown field "atleast" (check the spelling; see scenario.schema.json)',
    ]);
  });

  it('names an unknown goal target and the ones that exist', () => {
    const doc = timeouts();
    doc.lesson.goals[1]!.source = 'nobody';
    doc.lesson.costs.stations.db = 1;
    expect(errorsOf(doc)).toEqual([
      'lesson.goals[1].source: unknown source "nobody" (sources are "menu-users", "order-users")',
      'lesson.costs.stations.db: unknown station "db" (stations are "api", "payment")',
    ]);
  });

  it('wants exactly one target where a goal takes either of two, and unique goal ids', () => {
    const doc = timeouts();
    doc.lesson.goals[0]!.station = 'api';
    doc.lesson.goals[1]!.id = 'menu-p99';
    expect(errorsOf(doc)).toEqual([
      'lesson.goals[0]: a latency goal names exactly one of "source" and "station", got both',
      'lesson.goals[1].id: duplicate goal id "menu-p99"',
    ]);
  });

  it('keeps goal times inside the run and windows the right way round', () => {
    const doc = timeouts();
    doc.lesson.goals[0]!.from = 200;
    doc.lesson.goals[1]!.from = 20;
    doc.lesson.goals[1]!.to = 10;
    expect(errorsOf(doc)).toEqual([
      'lesson.goals[0].from: must be within the run (0 to duration = 150 s), got 200',
      'lesson.goals[1].to: must be later than from (20 s), got 10',
    ]);
  });

  it('checks that each knob names a field the scenario has or may have', () => {
    const doc = timeouts();
    doc.lesson.knobs = [
      'stations[0].servers',
      'stations[0].endpoints.orders[1].timeout', // left out in the preset, allowed there
      'stations[0].servrs',
      'stations[9].servers',
      'stations[0',
    ];
    expect(errorsOf(doc)).toEqual([
      'lesson.knobs[2]: "stations[0].servrs" names no field of this scenario (write it as the validator prints paths, e.g. stations[0].servers)',
      'lesson.knobs[3]: "stations[9].servers" names no field of this scenario (write it as the validator prints paths, e.g. stations[0].servers)',
      'lesson.knobs[4]: "stations[0" names no field of this scenario (write it as the validator prints paths, e.g. stations[0].servers)',
    ]);
  });

  it('requires the text and at least one goal', () => {
    const doc = timeouts();
    delete doc.lesson.text;
    doc.lesson.goals = [];
    expect(errorsOf(doc)).toEqual([
      'lesson.text: is required (what the trainer reads out)',
      'lesson.goals: needs at least one goal',
    ]);
  });

  it('reports a lesson file that is not JSON', () => {
    expect(validateScenarioText('{ "lesson": ')).toMatchObject({ ok: false });
  });

  it('reads knob paths as the validator prints them, and nothing else', () => {
    expect(parsePath('stations[0].endpoints.orders[1].timeout')).toEqual([
      'stations',
      0,
      'endpoints',
      'orders',
      1,
      'timeout',
    ]);
    expect(parsePath('stations..servers')).toBeUndefined();
    expect(parsePath('[0].servers')).toBeUndefined();
    expect(parsePath('')).toBeUndefined();
  });
});
