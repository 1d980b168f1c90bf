import { describe, expect, it } from 'vitest';
import { FollowingFrameWrite } from '../../../src/components/followingFrame';

/** Animation frames that run when the test says so. */
function manualFrames() {
  let callbacks = new Map<number, () => void>();
  let nextHandle = 1;
  return {
    frames: {
      request(callback: () => void) {
        callbacks.set(nextHandle, callback);
        return nextHandle++;
      },
      cancel(handle: number) {
        callbacks.delete(handle);
      },
    },
    frame() {
      const due = callbacks;
      callbacks = new Map();
      for (const callback of due.values()) callback();
    },
    waiting: () => callbacks.size,
  };
}

/** A write held for `later` frames, on manual frames, and what it has written. */
function setUp(later: number) {
  const f = manualFrames();
  const written: string[] = [];
  return { f, written, deferred: new FollowingFrameWrite(later, f.frames) };
}

describe('FollowingFrameWrite', () => {
  it('runs the latest write in the frame after the next one, once', () => {
    const { f, deferred, written } = setUp(1);
    deferred.schedule(() => written.push('a'));
    deferred.schedule(() => written.push('b'));
    f.frame();
    expect(written).toEqual([]);
    deferred.schedule(() => written.push('c'));
    f.frame();
    expect(written).toEqual(['c']);
    f.frame();
    expect(written).toEqual(['c']);
    expect(f.waiting()).toBe(0);
  });

  it('waits as many frames more as it is told', () => {
    const { f, deferred, written } = setUp(2);
    deferred.schedule(() => written.push('a'));
    f.frame();
    f.frame();
    expect(written).toEqual([]);
    f.frame();
    expect(written).toEqual(['a']);
    expect(f.waiting()).toBe(0);
  });

  it('flush writes at once and leaves no frame waiting', () => {
    const { f, deferred, written } = setUp(1);
    deferred.schedule(() => written.push('a'));
    f.frame();
    deferred.flush();
    expect(written).toEqual(['a']);
    expect(f.waiting()).toBe(0);
    deferred.flush();
    expect(written).toEqual(['a']);
  });

  it('cancel drops the write', () => {
    const { f, deferred, written } = setUp(1);
    deferred.schedule(() => written.push('a'));
    deferred.cancel();
    f.frame();
    f.frame();
    expect(written).toEqual([]);
    expect(f.waiting()).toBe(0);
  });
});
