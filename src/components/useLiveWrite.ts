import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { appStore, type AppState } from '../store/store';
import { useStoreSubscription } from '../store/useStoreSubscription';
import { FollowingFrameWrite } from './followingFrame';
import { OnScreen } from './onScreen';

const selectStatus = (state: AppState) => state.run.status;

/** Whether the page writes live figures the "max" way: spread over frames, only where seen. */
export function playingAtMax(state: AppState = appStore.getState()): boolean {
  return state.run.status === 'playing' && state.run.speed === 'max';
}

/** Where and how a live value is written while a run plays at "max". */
export interface LiveWriteSpread {
  /** Frames after the snapshot's own that the first part is written in. */
  framesLater: number;
  /** Parts the write is split into, one frame after another (the write is told which part). */
  parts?: number;
  /**
   * The element the value is written into: while it is off screen at "max" the value is held,
   * and written when the element comes on screen or the run stops (OnScreen).
   */
  target?: RefObject<Element | null>;
}

/** Which part of a value a write is asked for, and whether the run is playing at "max". */
export interface LiveWritePart {
  part: number;
  parts: number;
  /** At "max" a writer may leave out what is off screen; it is asked again when the run stops. */
  atMax: boolean;
}

/**
 * Writes a selected value into the page's DOM whenever it changes (as useStoreSubscription does),
 * but while a run plays at "max" in later frames than the snapshot's own, in parts, and only when
 * its target is on screen: there a snapshot comes every ~200 ms and its figures are a blur, and
 * live panels written in different frames, and not at all where no one can see them, keep each
 * frame's work under a refresh (bench:ui). Paced, stepped or paused runs are written at once,
 * whole, and a run that stops writes its latest value at once, whole.
 */
export function useLiveWrite<T>(
  selector: (state: AppState) => T,
  write: (value: T, at: LiveWritePart) => void,
  deps: readonly unknown[],
  { framesLater, parts = 1, target }: LiveWriteSpread,
): void {
  const deferred = useMemo(
    () => Array.from({ length: parts }, (_, part) => new FollowingFrameWrite(framesLater + part)),
    [framesLater, parts],
  );
  // The latest value, and whether it waits for its target to come on screen.
  const latest = useRef<{ value: T; held: boolean } | null>(null);
  const writeRef = useRef(write);
  useLayoutEffect(() => {
    writeRef.current = write;
  });

  const writeAll = (atMax: boolean) => {
    deferred.forEach((d) => d.cancel());
    const last = latest.current;
    if (!last) return;
    last.held = false;
    for (let part = 0; part < parts; part++) writeRef.current(last.value, { part, parts, atMax });
  };
  const schedule = (value: T) => {
    deferred.forEach((d, part) =>
      d.schedule(() => writeRef.current(value, { part, parts, atMax: true })),
    );
  };

  const onScreen = useMemo(
    () =>
      target
        ? new OnScreen(() => {
            const last = latest.current;
            if (last?.held && playingAtMax()) {
              last.held = false;
              schedule(last.value);
            }
          })
        : null,
    // One watch per target; the callback reads refs and the deferred writes it was made with.
    [target, deferred],
  );
  useEffect(() => {
    const element = target?.current;
    if (!onScreen || !element) return;
    onScreen.observe(element);
    return () => onScreen.unobserve(element);
  }, [onScreen, target, ...deps]);
  useEffect(() => () => onScreen?.disconnect(), [onScreen]);
  useEffect(() => () => deferred.forEach((d) => d.cancel()), [deferred]);

  useStoreSubscription(
    selector,
    (value, state) => {
      latest.current = { value, held: false };
      if (!playingAtMax(state)) {
        writeAll(false);
        return;
      }
      const element = target?.current;
      if (onScreen && element && !onScreen.has(element)) {
        latest.current.held = true;
        deferred.forEach((d) => d.cancel());
        return;
      }
      schedule(value);
    },
    [...deps, deferred, onScreen],
  );
  useStoreSubscription(
    selectStatus,
    (status) => {
      if (status !== 'playing') writeAll(false);
    },
    [deferred],
  );
}
