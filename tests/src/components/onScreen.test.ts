import { describe, expect, it } from 'vitest';
import { OnScreen, type IntersectionChange } from '../../../src/components/onScreen';

/** An IntersectionObserver stand-in that reports when the test says so. */
function manualWatch() {
  let report: ((changes: readonly IntersectionChange[]) => void) | null = null;
  const watched = new Set<Element>();
  return {
    factory: (r: (changes: readonly IntersectionChange[]) => void) => {
      report = r;
      return {
        observe: (e: Element) => void watched.add(e),
        unobserve: (e: Element) => void watched.delete(e),
        disconnect: () => watched.clear(),
      };
    },
    report: (...changes: [Element, boolean][]) =>
      report!(changes.map(([target, isIntersecting]) => ({ target, isIntersecting }))),
    watched,
  };
}

// Elements only as identities: node's test environment has no DOM.
const element = (name: string) => ({ name }) as unknown as Element;

describe('OnScreen', () => {
  it('counts an element off screen until it is reported on screen, and again once it leaves', () => {
    const w = manualWatch();
    const onScreen = new OnScreen(() => {}, w.factory);
    const a = element('a');
    onScreen.observe(a);
    expect(w.watched.has(a)).toBe(true);
    expect(onScreen.has(a)).toBe(false);
    w.report([a, true]);
    expect(onScreen.has(a)).toBe(true);
    w.report([a, false]);
    expect(onScreen.has(a)).toBe(false);
  });

  it('tells which elements came on screen, once each, not those that stayed or left', () => {
    const w = manualWatch();
    const shown: string[][] = [];
    const onScreen = new OnScreen(
      (elements) => shown.push(elements.map((e) => (e as unknown as { name: string }).name)),
      w.factory,
    );
    const [a, b, c] = ['a', 'b', 'c'].map(element) as [Element, Element, Element];
    [a, b, c].forEach((e) => onScreen.observe(e));
    w.report([a, true], [b, false]);
    w.report([a, true], [b, true], [c, false]);
    w.report([c, false]);
    expect(shown).toEqual([['a'], ['b']]);
  });

  it('forgets an element it stops watching', () => {
    const w = manualWatch();
    const onScreen = new OnScreen(() => {}, w.factory);
    const a = element('a');
    onScreen.observe(a);
    w.report([a, true]);
    onScreen.unobserve(a);
    expect(w.watched.has(a)).toBe(false);
    expect(onScreen.has(a)).toBe(false);
  });

  it('counts everything on screen where nothing can tell (no IntersectionObserver)', () => {
    const onScreen = new OnScreen(
      () => {},
      () => null,
    );
    expect(onScreen.has(element('a'))).toBe(true);
  });
});
