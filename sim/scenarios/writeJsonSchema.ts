/**
 * Writes public/scenario.schema.json from the zod schema, so editors autocomplete and check
 * scenario files (`"$schema": ".../scenario.schema.json"`). `npm run schema` regenerates it; a
 * test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from './jsonSchema';

const target = fileURLToPath(new URL('../../public/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
