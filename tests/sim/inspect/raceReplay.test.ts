import { describe, expect, it } from 'vitest';
import { raceReplay } from '../../../sim/inspect/raceReplay';
import { staleWindows } from '../../../sim/inspect/staleWindows';

describe('race replay: one key, one writer, readers refilling on a miss', () => {
  const naive = ['updateThenDelete', 'deleteThenUpdate', 'updateThenSet'] as const;

  it.each(naive)('%s serves stale reads, each older than what was committed when it began', (s) => {
    const replay = raceReplay(s, 1);
    expect(replay.staleReads).toBeGreaterThanOrEqual(1);
    const stale = replay.reads.filter((r) => r.outcome === 'stale');
    expect(stale.length).toBeGreaterThanOrEqual(1);
    expect(stale.length).toBe(replay.staleReadsInWindow);
    for (const read of stale) {
      expect(read.version).toBeLessThan(read.committedAtBegin);
      // Served inside a stale window of the cache, with the version that window held.
      const window = replay.staleWindows.find((w) => w.from <= read.ended && read.ended <= w.to);
      expect(window?.cached).toBe(read.version);
    }
    // Fresh hits are never older than the commit they started after.
    for (const read of replay.reads.filter((r) => r.outcome === 'hit')) {
      expect(read.version).toBeGreaterThanOrEqual(read.committedAtBegin);
    }
  });

  it("the article's lock, refilled under the lock, serves none and leaves no stale window", () => {
    const replay = raceReplay('lockDeleteUpdateReload', 1);
    expect(replay.fillUnderLock).toBe(true);
    expect(replay.staleReads).toBe(0);
    expect(replay.staleWindows).toEqual([]);
    expect(replay.writer.map((w) => w.op)).toContain('writeLock');
    expect(replay.writes).toBeGreaterThan(0);
  });

  it('delete-first leaves the widest window: the most stale reads', () => {
    const count = (s: (typeof naive)[number]) => raceReplay(s, 1).staleReads;
    expect(count('deleteThenUpdate')).toBeGreaterThan(count('updateThenDelete'));
  });

  it('is the same replay for the same seed', () => {
    expect(JSON.stringify(raceReplay('updateThenSet', 3))).toBe(
      JSON.stringify(raceReplay('updateThenSet', 3)),
    );
  });

  it('draws the writer in plan order: delete before commit for delete-first', () => {
    const ops = raceReplay('deleteThenUpdate', 1).writer.map((w) => w.op);
    const start = ops.indexOf('writeStart');
    expect(ops.slice(start, start + 3)).toEqual(['writeStart', 'delete', 'commit']);
  });
});

describe('stale windows from a key history', () => {
  it('opens when a commit passes the cached version and closes at the delete', () => {
    const w = staleWindows(
      [
        { at: 1, op: 'commit', version: 1 },
        { at: 2, op: 'delete', version: -1 },
        { at: 3, op: 'fill', version: 0 },
        { at: 4, op: 'fill', version: 1 },
      ],
      10,
    );
    expect(w).toEqual([
      { from: 1, to: 2, cached: 0, committed: 1 },
      { from: 3, to: 4, cached: 0, committed: 1 },
    ]);
  });

  it('a window still open at the end closes there; an empty cache is never stale', () => {
    expect(staleWindows([{ at: 1, op: 'commit', version: 1 }], 5, -1)).toEqual([]);
    expect(staleWindows([{ at: 1, op: 'commit', version: 1 }], 5)).toEqual([
      { from: 1, to: 5, cached: 0, committed: 1 },
    ]);
  });
});
