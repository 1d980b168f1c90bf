import { describe, expect, it } from 'vitest';
import { formatDesign } from '../../../src/builder/formatDesign';
import { addCache } from '../../../src/builder/operations/addCache';
import { addDatabase } from '../../../src/builder/operations/addDatabase';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { connect } from '../../../src/builder/operations/connect';
import { startingDesign } from '../../../src/builder/startingDesign';
import { cliJson, scenarioFile } from '../../cli/runCli';
import { applied, preset } from './builderFixtures';

describe('an exported design', () => {
  it('runs with npm run sim -- file.json, with the new nodes in its report', () => {
    let doc = startingDesign(preset('read-write-split'));
    doc = applied(addReplica(doc, 'orders'));
    doc = applied(addCache(applied(addDatabase(doc, 1)), 2));
    doc = applied(
      connect(doc, { from: 'api', endpoint: 'read', to: { kind: 'cache', id: 'cache-1' } }),
    );
    const file = scenarioFile(JSON.parse(formatDesign(doc)) as object, 'design.json');
    const report = cliJson<{ scenario: string; stations: Record<string, { completed: number }> }>(
      file,
      '--until',
      '2',
    );
    expect(report.scenario).toBe('read-write-split-custom');
    expect(report.stations['replica-6']!.completed).toBeGreaterThan(0);
    expect(report.stations['cache-1-node-1']!.completed).toBeGreaterThan(0);
  });
});
