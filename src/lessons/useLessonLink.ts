import { useEffect, useRef } from 'react';
import { appStore, useAppStore } from '../store/store';

/** `?lesson=<address>`: a lesson shared as a link, loaded once the page's own run is in. */
export const LESSON_PARAM = 'lesson';

/**
 * Opens the lesson a link names (`?lesson=https://.../lesson.json`, or a path on this site) after
 * the page has loaded its preset, through the same loader as the URL field, so a bad file shows
 * the same messages. The parameter stays in the address while that lesson is on screen (a reload
 * or a copied address opens it again) and is dropped once another scenario is loaded, so the
 * address never names a lesson the page no longer shows. Nothing in it is executed: it is only
 * fetched as data, and only over http(s).
 */
export function useLessonLink(
  loadFromAddress: (address: string) => Promise<boolean>,
  showAddress: (address: string) => void,
): void {
  // Once the page's own start has settled (its preset loaded, or refused): no call of it in flight.
  const started = useAppStore((s) => s.run.status === 'paused');
  const handled = useRef(false);
  useEffect(() => {
    if (!started || handled.current) return;
    handled.current = true;
    const address = new URLSearchParams(window.location.search).get(LESSON_PARAM);
    if (address === null) return;
    showAddress(address);
    void loadFromAddress(address).then((ok) => {
      if (!ok) {
        dropParam();
        return;
      }
      const lessonName = appStore.getState().run.scenarioName;
      const unsubscribe = appStore.subscribe((state) => {
        if (state.run.scenarioName === lessonName || state.run.scenarioName === '') return;
        dropParam();
        unsubscribe();
      });
    });
  }, [started]);
}

function dropParam(): void {
  const params = new URLSearchParams(window.location.search);
  if (!params.has(LESSON_PARAM)) return;
  params.delete(LESSON_PARAM);
  const search = params.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`,
  );
}
