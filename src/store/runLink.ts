import type { AppStore } from './store';
import type { RunLink } from './urlState';

/**
 * Calls `write` with the run on screen whenever what reproduces it changes (preset, seed, edits,
 * injected faults, and for a "Build your own" design its encoded document, from `designOf`), so
 * the address bar always names that run. Snapshots, sixty a second, leave those parts as they
 * are and cost one comparison each.
 */
export function followRunLink(
  store: AppStore,
  write: (link: RunLink) => void,
  designOf: () => string | undefined = () => undefined,
): () => void {
  let last: readonly unknown[] = [];
  const check = () => {
    const { scenarioName, seed, edits, injectedFaults } = store.getState().run;
    const design = designOf();
    const parts = [scenarioName, seed, edits, injectedFaults, design];
    if (scenarioName === '' || parts.every((p, i) => Object.is(p, last[i]))) return;
    last = parts;
    const link = { preset: scenarioName, seed, edits, faults: injectedFaults };
    write(design === undefined ? link : { ...link, design });
  };
  check();
  return store.subscribe(check);
}
