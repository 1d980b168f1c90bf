import { describe, expect, it } from 'vitest';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { shareSearch } from '../../../src/builder/shareLink';
import { startingDesign } from '../../../src/builder/startingDesign';
import { followRunLink } from '../../../src/store/runLink';
import { encodeDesign, MAX_DESIGN_CHARS } from '../../../src/store/urlDesign';
import { searchForLink } from '../../../src/store/urlState';
import { applied } from './builderFixtures';
import { startPage } from '../bridge/inProcessBridge';

type Page = Awaited<ReturnType<typeof startPage>>;

/** The run to its end, as "Export JSON" gives it (wall time left out: it is no result). */
async function reportAtEnd(page: Page) {
  await page.bridge.inspect((api) =>
    api.advance(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY),
  );
  return { ...(await page.bridge.report()), wallMs: 0 };
}

/** A read-write-split design with two more replicas, as the builder makes it. */
async function twoMoreReplicas(page: Page) {
  const start = startingDesign(await page.bridge.scenarioDocument());
  return applied(addReplica(applied(addReplica(start, 'orders')), 'orders'));
}

describe('a design shared as a link', () => {
  it('opens as "Run this design" runs it: same design, same seed, same figures', async () => {
    const original = await startPage('?preset=read-write-split');
    const design = await twoMoreReplicas(original);
    const share = await shareSearch(design);
    if (!share.ok) throw new Error(share.error);
    expect(share.search).toMatch(/^\?design=v1\.[A-Za-z0-9_-]+&seed=\d+$/);

    expect(await original.bridge.loadDocument(design)).toEqual({ ok: true });
    const byHand = await reportAtEnd(original);

    const opened = await startPage(share.search);
    expect(opened.state().run.errors).toEqual([]);
    expect(opened.state().run).toMatchObject({
      scenarioName: 'read-write-split-custom',
      seed: share.seed,
      now: 0,
    });
    expect(opened.state().run.layout.stationIds).toContain('replica-7');
    expect(await opened.bridge.scenarioDocument()).toEqual(design);
    expect(await reportAtEnd(opened)).toEqual(byHand);
  });

  it('the page address follows a design run, its seed and faults, and reopens it', async () => {
    const page = await startPage('?preset=read-write-split');
    const design = await twoMoreReplicas(page);
    let search = '?preset=read-write-split&seed=1';
    followRunLink(
      page.store,
      (link) => (search = searchForLink(search, link)),
      () => page.bridge.designParam,
    );
    await page.bridge.loadDocument(design);
    expect(search).toBe(`?seed=${page.state().run.seed}&design=${await encodeDesign(design)}`);
    await page.bridge.changeSeed(9);
    expect(search).toMatch(/^\?seed=9&design=v1\./);
    await page.bridge.injectFault({ kind: 'outage', at: 5, station: 'replica-7', duration: 5 });
    expect(search).toMatch(/&v=1&faults=/);
    const byHand = await reportAtEnd(page);

    const reopened = await startPage(search);
    expect(reopened.state().run.errors).toEqual([]);
    expect(reopened.state().run.injectedFaults).toHaveLength(1);
    expect(await reportAtEnd(reopened)).toEqual(byHand);

    // Back to a preset: the address names it again, and holds no design.
    await page.bridge.loadPreset('mm1');
    expect(search).toBe('?seed=1&preset=mm1');
  });

  it('a design the validator refuses shows why and falls back to the default lesson', async () => {
    const page0 = await startPage('?preset=mm1');
    const mm1 = (await page0.bridge.scenarioDocument()) as Record<string, unknown>;
    const bad = await encodeDesign({ ...mm1, name: 'broken', duration: -1 });
    const page = await startPage(`?design=${bad}&seed=3`);
    const [error, ...others] = page.state().run.errors;
    expect(others).toEqual([]);
    expect(error).toMatch(
      /^URL parameter "design": the design was refused: duration: must be a number > 0 s, got -1; /,
    );
    expect(error).toMatch(/; showing lunch-rush instead\.$/);
    expect(page.state().run).toMatchObject({ scenarioName: 'lunch-rush', seed: 1 });
    expect(page.bridge.designParam).toBeUndefined();
  });

  it('a design that cannot be read shows why and falls back to the default lesson', async () => {
    const page = await startPage('?design=v1.%3Cscript%3E&seed=3');
    expect(page.state().run.errors).toEqual([
      'URL parameter "design": not base64url text after "v1.": letters, digits, "-" and "_" only (was the link cut short?); showing lunch-rush instead.',
    ]);
    expect(page.state().run.scenarioName).toBe('lunch-rush');
  });

  it('refuses to share a design too large for a link', async () => {
    // Many stations with ids that hardly compress: their link would pass the limit.
    const page = await startPage('?preset=mm1');
    const doc = startingDesign(await page.bridge.scenarioDocument());
    const station = (doc.stations as object[])[0]!;
    const id = (i: number) => `s${(Math.imul(i + 1, 2654435761) >>> 0).toString(36)}${i}`;
    doc.stations = [
      station,
      ...Array.from({ length: 4000 }, (_, i) => ({ ...station, id: id(i) })),
    ];
    const share = await shareSearch(doc);
    expect(share.ok).toBe(false);
    expect(!share.ok && share.error).toContain(
      `characters in a link, more than the ${MAX_DESIGN_CHARS} allowed`,
    );
  });
});
