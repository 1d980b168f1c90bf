import { useEffect, useMemo } from 'react';
import type { AppState } from '../store/store';
import { useStoreSubscription } from '../store/useStoreSubscription';
import { FollowingFrameWrite } from './followingFrame';

const selectStatus = (state: AppState) => state.run.status;

/** Where and how a live value is written while a run plays at "max". */
export interface LiveWriteSpread {
  /** Frames after the snapshot's own that the first part is written in. */
  framesLater: number;
  /** Parts the write is split into, one frame after another (the write is told which part). */
  parts?: number;
}

/**
 * Writes a selected value into the page's DOM whenever it changes (as useStoreSubscription does),
 * but while a run plays at "max" in later frames than the snapshot's own, in parts: there a
 * snapshot comes every ~200 ms and its figures are a blur, and live panels written in different
 * frames keep each frame's work under a refresh (bench:ui). Paced, stepped or paused runs are
 * written at once, whole, and a run that stops shows its last figures at once.
 */
export function useLiveWrite<T>(
  selector: (state: AppState) => T,
  write: (value: T, part: number, parts: number) => void,
  deps: readonly unknown[],
  { framesLater, parts = 1 }: LiveWriteSpread,
): void {
  const deferred = useMemo(
    () => Array.from({ length: parts }, (_, part) => new FollowingFrameWrite(framesLater + part)),
    [framesLater, parts],
  );
  useEffect(() => () => deferred.forEach((d) => d.cancel()), [deferred]);
  useStoreSubscription(
    selector,
    (value, state) => {
      const spread = state.run.status === 'playing' && state.run.speed === 'max';
      deferred.forEach((d, part) => {
        if (spread) {
          d.schedule(() => write(value, part, parts));
        } else {
          d.cancel();
          write(value, part, parts);
        }
      });
    },
    [...deps, deferred],
  );
  useStoreSubscription(
    selectStatus,
    (status) => {
      if (status !== 'playing') deferred.forEach((d) => d.flush());
    },
    [deferred],
  );
}
