import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { PRESETS } from '../../../sim/scenarios/presets';
import { csvCell, seriesCsv } from '../../../sim/worker/seriesCsv';

/** A small RFC 4180 reader (CRLF rows), enough to check what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('CSV writer', () => {
  it('quotes only what needs quoting and leaves missing figures empty', () => {
    expect(csvCell('api')).toBe('api');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(0.125)).toBe('0.125');
    expect(csvCell(null)).toBe('');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
  });

  it('writes a header row, then one row per bucket with its start time', () => {
    const columns = new Map<string, (number | null)[]>([
      ['stations.api.throughput', [1, 2.5, 3]],
      ['sources.a,b.goodput', [null, 4, 5]],
    ]);
    const text = seriesCsv([0, 5, 10], columns);
    expect(text).toBe(
      't,stations.api.throughput,"sources.a,b.goodput"\r\n0,1,\r\n5,2.5,4\r\n10,3,5\r\n',
    );
    expect(parseCsv(text)).toEqual([
      ['t', 'stations.api.throughput', 'sources.a,b.goodput'],
      ['0', '1', ''],
      ['5', '2.5', '4'],
      ['10', '3', '5'],
    ]);
    expect(seriesCsv([], new Map())).toBe('t\r\n');
  });

  it("a run's CSV holds the report's series, column for column, plus latency percentiles", () => {
    api.load(PRESETS['queue-smoothing'], 3);
    api.advance(120, Infinity);
    const report = api.report();
    const rows = parseCsv(api.seriesCsv());
    const [header, ...body] = rows;
    expect(body).toHaveLength(report.series.t.length);
    expect(body.every((row) => row.length === header!.length)).toBe(true);
    const column = (name: string) => {
      const k = header!.indexOf(name);
      expect(k, name).toBeGreaterThanOrEqual(0);
      return body.map((row) => row[k]!);
    };
    expect(column('t')).toEqual(report.series.t.map(String));
    for (const [section, subjects] of Object.entries(report.series)) {
      if (typeof subjects !== 'object' || Array.isArray(subjects)) continue;
      for (const [id, fields] of Object.entries(subjects as Record<string, object>)) {
        for (const [field, values] of Object.entries(fields as Record<string, number[]>)) {
          expect(column(`${section}.${id}.${field}`)).toEqual(values.map(String));
        }
      }
    }
    const p50 = column('sources.orders.latencyP50').map(Number);
    const p99 = column('sources.orders.latencyP99').map(Number);
    p50.forEach((v, i) => expect(v).toBeLessThanOrEqual(p99[i]!));
    expect(header).toContain('topics.order-events.lag');
  });
});
