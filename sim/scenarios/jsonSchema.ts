import { z } from 'zod';
import { ScenarioSchema } from './schema/scenarioSchema';

/**
 * The scenario schema as JSON Schema (draft 2020-12), in its input form: fields with defaults are
 * optional, as they are in a file. Cross-field rules (ids that must exist, probabilities adding to
 * at most 1) live in refinements JSON Schema cannot express; the validator still checks them.
 */
export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'PeakLab scenario' }, null, 2)}\n`;
}
