import { describe, expect, it } from 'vitest';
import {
  BASE_RATE,
  BURST_DURATION,
  BURST_START,
  CAPACITY,
  DURATION,
  PEAK_LEVELS,
  peakSmoothingLevelProblem,
  peakSmoothingPoint,
} from '../../../sim/inspect/peakSmoothing';
import { inspectApi } from '../../../sim/worker/inspectApi';

const points = PEAK_LEVELS.map((_, level) => peakSmoothingPoint(level, 1));
const AFTER_BURST = DURATION - BURST_START - BURST_DURATION;

/**
 * How far the simulated peak backlog may sit from the fluid value. Over the burst the backlog is
 * arrivals minus services: about Poisson(level * capacity * D) minus Poisson(capacity * D) (the
 * consumers are busy throughout once the peak is above capacity), so its sd is
 * sqrt((level + 1) * capacity * D); we allow four of them. Below capacity the fluid value is 0 and
 * the same bound caps the random walk the queue makes.
 */
const backlogTolerance = (level: number) => 4 * Math.sqrt((level + 1) * CAPACITY * BURST_DURATION);

/**
 * The drain ends when the last of the four consumers has worked off its share. Each consumer gets
 * a quarter of the messages and drains at a quarter of (capacity - base), so the noise of its
 * counts from the burst's start to the drain's end, sqrt(arrivals + services) / 4 per consumer,
 * becomes an sd of time of 2 sqrt(arrivals + services) / (capacity - base). Four of those cover
 * both the noise and the last-of-four lag (about one sd); the series samples every 0.25 s.
 */
function drainTolerance(level: number, drainTime: number): number {
  const arrivals = level * CAPACITY * BURST_DURATION + BASE_RATE * drainTime;
  const services = CAPACITY * (BURST_DURATION + drainTime);
  return (4 * 2 * Math.sqrt(arrivals + services)) / (CAPACITY - BASE_RATE) + 0.25;
}

describe('message-queue peak smoothing', () => {
  it('loses nothing with the queue, at any peak: every order is published and consumed', () => {
    for (const p of points) {
      expect(p.queue.lost, `${p.level}x`).toBe(0);
      expect(p.queue.failedTimeout + p.queue.failedRejected + p.queue.failedError).toBe(0);
      // What was not consumed by the end is still in the topic, waiting: nothing went missing.
      expect(p.queue.handled + p.queue.backlog.at(-1)!, `${p.level}x`).toBe(p.queue.successes);
    }
  });

  it('the peak backlog follows the fluid approximation within the Poisson noise', () => {
    for (const p of points) {
      expect(p.theory.peakBacklog).toBe(Math.max(0, (p.level - 1) * CAPACITY * BURST_DURATION));
      const off = Math.abs(p.queue.peakBacklog - p.theory.peakBacklog);
      expect(off, `${p.level}x: ${p.queue.peakBacklog}`).toBeLessThanOrEqual(
        backlogTolerance(p.level),
      );
    }
    // Not vacuous: at 8x the bound is under 4% of the backlog.
    expect(backlogTolerance(8) / points.at(-1)!.theory.peakBacklog).toBeLessThan(0.04);
  });

  it('the backlog drains at capacity minus the base rate, or is still there at the end', () => {
    for (const p of points) {
      const expected = p.theory.drainTime;
      const tolerance = drainTolerance(p.level, expected);
      if (expected - tolerance > AFTER_BURST) {
        expect(p.queue.drainTime, `${p.level}x`).toBeNull();
      } else {
        expect(expected + tolerance, `${p.level}x`).toBeLessThan(AFTER_BURST);
        expect(p.queue.drainTime, `${p.level}x`).not.toBeNull();
        expect(Math.abs(p.queue.drainTime! - expected), `${p.level}x`).toBeLessThanOrEqual(
          tolerance,
        );
      }
    }
    // 5x drains in the run, 8x does not: both branches above are exercised.
    expect(points[PEAK_LEVELS.indexOf(5)]!.queue.drainTime).not.toBeNull();
    expect(points[PEAK_LEVELS.indexOf(8)]!.queue.drainTime).toBeNull();
  });

  it('the queue answers users at once; the synchronous call makes them wait', () => {
    for (const p of points) expect(p.queue.p99, `${p.level}x`).toBeLessThan(0.05);
    for (const p of points.filter((q) => q.level > 1)) {
      expect(p.sync.p99, `${p.level}x`).toBeGreaterThan(1);
    }
  });

  it('without the queue, peaks above capacity fail requests and peaks below do not', () => {
    for (const p of points) {
      if (p.level < 1) {
        expect(p.sync.lost, `${p.level}x`).toBe(0);
      } else if (p.level === 1) {
        // At capacity the queue only random-walks: a failure or two at most.
        expect(p.sync.successRatio).toBeGreaterThan(0.999);
      } else {
        expect(p.sync.lost, `${p.level}x`).toBeGreaterThan(0);
        expect(p.sync.successRatio, `${p.level}x`).toBeLessThan(0.95);
      }
    }
    // The same users both times (common random numbers).
    for (const p of points) expect(p.sync.offered).toBe(p.queue.offered);
  });

  it('is deterministic with the seed', () => {
    expect(peakSmoothingPoint(3, 7)).toEqual(peakSmoothingPoint(3, 7));
  });

  it('refuses a level outside the list with a message naming the argument and range', () => {
    const message = `level must be an integer from 0 to ${PEAK_LEVELS.length - 1}`;
    expect(peakSmoothingLevelProblem(PEAK_LEVELS.length)).toBe(message);
    expect(peakSmoothingLevelProblem(1.5)).toBe(message);
    expect(peakSmoothingLevelProblem('2')).toBe(message);
    expect(() => peakSmoothingPoint(-1)).toThrow(RangeError);
    const api = inspectApi(() => {
      throw new Error('nothing loaded');
    });
    expect(api.peakSmoothingLevels()).toEqual([...PEAK_LEVELS]);
    expect(api.peakSmoothingPoint(99, 'x')).toEqual({
      ok: false,
      errors: [message, expect.stringMatching(/^seed must be an integer/)],
    });
  });
});
