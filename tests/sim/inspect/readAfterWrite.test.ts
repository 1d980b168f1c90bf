import { describe, expect, it } from 'vitest';
import {
  LAG_LEVELS,
  readAfterWriteLevelProblem,
  readAfterWritePoint,
} from '../../../sim/inspect/readAfterWrite';

describe('read-after-write on replicas', () => {
  // Three levels: 1 ms, 16 ms and 1 s of binlog shipping delay.
  const points = [0, 2, 5].map((level) => readAfterWritePoint(level, 1));

  it('measures the lag it was given: mean lag just above the shipping delay', () => {
    for (const p of points) {
      expect(p.meanLag).toBeGreaterThan(p.shipDelay);
      expect(p.meanLag).toBeLessThan(p.shipDelay + 0.005);
    }
  });

  it('the stale share of replica reads grows with the lag, for the writer and for others', () => {
    const own = points.map((p) => p.own.replicas.share);
    const others = points.map((p) => p.others.replicas.share);
    expect(own[0]!).toBeLessThan(own[1]!);
    expect(own[1]!).toBeLessThanOrEqual(own[2]!);
    expect(others[0]!).toBeLessThan(others[1]!);
    expect(others[1]!).toBeLessThan(others[2]!);
    // A writer reading back at once off a replica a second behind: practically always stale.
    expect(own[2]!).toBeGreaterThan(0.95);
  });

  it("read-your-writes sends the writer's own reads to the master: none stale", () => {
    for (const p of points) {
      const ryw = p.own.readYourWrites;
      expect(ryw.reads).toBeGreaterThan(500);
      expect(ryw.stale).toBe(0);
      expect(ryw.fromMaster).toBe(ryw.reads);
    }
  });

  it('is deterministic with the seed', () => {
    expect(readAfterWritePoint(1, 7)).toEqual(readAfterWritePoint(1, 7));
  });

  it('refuses a level outside the list with a message naming the range', () => {
    expect(readAfterWriteLevelProblem(LAG_LEVELS.length)).toBe(
      `level must be an integer from 0 to ${LAG_LEVELS.length - 1}`,
    );
    expect(readAfterWriteLevelProblem(0.5)).not.toBeNull();
    expect(() => readAfterWritePoint(-1)).toThrow(RangeError);
  });
});
