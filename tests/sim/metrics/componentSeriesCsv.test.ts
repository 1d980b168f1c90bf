import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { PRESETS } from '../../../sim/scenarios/presets';

/** The header and the column named `name` of a CSV whose cells need no quoting. */
function column(csv: string, name: string): string[] {
  const [header, ...rows] = csv
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  const k = header!.indexOf(name);
  expect(k, name).toBeGreaterThan(0);
  return rows.map((row) => row[k]!);
}

describe('CSV export of the component series', () => {
  it('holds the breaker, database and order series of the report, column for column', () => {
    const cases: [string, 'breakers' | 'databases' | 'orders', string][] = [
      ['circuit-breaker', 'breakers', 'open'],
      ['read-write-split', 'databases', 'meanLag'],
      ['compensation', 'orders', 'capturingPayment'],
    ];
    for (const [preset, section, field] of cases) {
      api.load(PRESETS[preset], 1);
      api.advance(60, Infinity);
      const subjects = api.report().series[section]!;
      const csv = api.seriesCsv();
      const ids = Object.keys(subjects);
      expect(ids.length, preset).toBeGreaterThan(0);
      for (const id of ids) {
        const values = subjects[id]![field]!;
        expect(
          values.some((v) => v > 0),
          `${id}.${field}`,
        ).toBe(true);
        expect(column(csv, `${section}.${id}.${field}`)).toEqual(values.map(String));
      }
    }
  });
});
