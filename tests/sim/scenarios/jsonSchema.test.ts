import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../../sim/scenarios/jsonSchema';

describe('published JSON Schema', () => {
  it('public/scenario.schema.json matches the zod schema (run `npm run schema` after edits)', () => {
    const committed = readFileSync(
      new URL('../../../public/scenario.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('describes the fields editors should offer, with their bounds', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(schema.required).toEqual(
      expect.arrayContaining(['name', 'duration', 'sources', 'stations']),
    );
    const station = schema.properties.stations.items;
    expect(station.properties.servers).toMatchObject({ type: 'integer', minimum: 1 });
    expect(station.additionalProperties).toBe(false);
  });
});
