/**
 * A lookup of the descendants a live writer fills, by class selector, found once per root element
 * and remembered while the element lives: the writers run on every snapshot, the DOM is drawn once
 * per scenario.
 */
export function elementFinder<K extends string>(
  selectors: Readonly<Record<K, string>>,
): (root: Element) => Readonly<Record<K, Element | null>> {
  const found = new WeakMap<Element, Record<K, Element | null>>();
  const keys = Object.keys(selectors) as K[];
  return (root) => {
    let elements = found.get(root);
    if (!elements) {
      elements = {} as Record<K, Element | null>;
      for (const key of keys) elements[key] = root.querySelector(selectors[key]);
      found.set(root, elements);
    }
    return elements;
  };
}
