import { useEffect, useLayoutEffect, useRef } from 'react';
import { appStore, type AppState, type AppStore } from './store';

/**
 * Calls `listener` with the selected value now and whenever it changes, without re-rendering the
 * component: the way fast-changing numbers reach d3 and live table cells. `selector` is read once
 * per subscription: pass `deps` that change when the DOM the listener writes into is rebuilt, and
 * it subscribes again and replays the current value into the new nodes.
 */
export function useStoreSubscription<T>(
  selector: (state: AppState) => T,
  listener: (value: T, state: AppState) => void,
  deps: readonly unknown[] = [],
  store: AppStore = appStore,
): void {
  const listenerRef = useRef(listener);
  const selectorRef = useRef(selector);
  useLayoutEffect(() => {
    listenerRef.current = listener;
    selectorRef.current = selector;
  });
  useEffect(() => {
    let last = selectorRef.current(store.getState());
    listenerRef.current(last, store.getState());
    return store.subscribe((state) => {
      const value = selectorRef.current(state);
      if (Object.is(value, last)) return;
      last = value;
      listenerRef.current(value, state);
    });
  }, [store, ...deps]);
}
