/**
 * Writes for numbers that change on every snapshot. Each write that changes nothing is skipped,
 * and text is changed inside its one text node rather than by `textContent`, which removes the
 * node and creates another: on lesson 11 the page writes ~500 figures per snapshot, and the nodes
 * made and dropped, and the attributes set to the value they had, cost the main thread work in
 * every frame that takes in a snapshot (bench:ui).
 */

/** Sets `element`'s text to `text`, in place when it holds one text node. */
export function setLiveText(element: Element, text: string): void {
  const node = element.firstChild;
  if (node !== null && node === element.lastChild && node.nodeType === Node.TEXT_NODE) {
    const textNode = node as Text;
    if (textNode.data !== text) textNode.data = text;
  } else if (element.textContent !== text) {
    element.textContent = text;
  }
}

/** Sets (or, for null, removes) an attribute unless it already has that value. */
export function setLiveAttribute(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}
