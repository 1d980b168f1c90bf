import type { AppStore } from './store';
import type { RunLink } from './urlState';

/**
 * Calls `write` with the run on screen whenever what reproduces it changes (preset, seed, edits,
 * injected faults), so the address bar always names that run. Snapshots, sixty a second, leave
 * those parts as they are and cost one comparison each.
 */
export function followRunLink(store: AppStore, write: (link: RunLink) => void): () => void {
  let last: readonly unknown[] = [];
  const check = () => {
    const { scenarioName, seed, edits, injectedFaults } = store.getState().run;
    const parts = [scenarioName, seed, edits, injectedFaults];
    if (scenarioName === '' || parts.every((p, i) => Object.is(p, last[i]))) return;
    last = parts;
    write({ preset: scenarioName, seed, edits, faults: injectedFaults });
  };
  check();
  return store.subscribe(check);
}
