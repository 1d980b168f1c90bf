/** The part of IntersectionObserver that OnScreen uses (a test hands in its own). */
export interface IntersectionWatch {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

/** One change the watch reports: this element is now (partly) on screen, or not. */
export interface IntersectionChange {
  target: Element;
  isIntersecting: boolean;
}

export type IntersectionWatchFactory = (
  report: (changes: readonly IntersectionChange[]) => void,
) => IntersectionWatch | null;

/** The browser's IntersectionObserver against the viewport; none where there is none (jsdom). */
const browserWatch: IntersectionWatchFactory = (report) =>
  typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver(report);

/**
 * Which of some elements are on screen: some part of them inside the viewport and inside every
 * scrolling box around them (the live tables scroll in their own box), as IntersectionObserver
 * reports it after each layout. While a run plays at "max" the page writes live figures only where
 * they can be seen (bench:ui, lesson 11 at 1280x720: the topology and charts sit below the fold
 * and 70 of the 90 station rows are scrolled out of their box, yet each snapshot laid out and
 * painted all of them), and writes an element's latest figures when it comes on screen.
 *
 * Until the first report an element counts as off screen; the browser reports every watched
 * element once, soon after it is watched. Without IntersectionObserver everything counts as on
 * screen, so nothing is ever held back.
 */
export class OnScreen {
  private readonly shown = new Set<Element>();
  private readonly watch: IntersectionWatch | null;

  constructor(
    onShow: (elements: readonly Element[]) => void,
    factory: IntersectionWatchFactory = browserWatch,
  ) {
    this.watch = factory((changes) => {
      const appeared: Element[] = [];
      for (const { target, isIntersecting } of changes) {
        if (isIntersecting && !this.shown.has(target)) {
          this.shown.add(target);
          appeared.push(target);
        } else if (!isIntersecting) {
          this.shown.delete(target);
        }
      }
      if (appeared.length > 0) onShow(appeared);
    });
  }

  observe(element: Element): void {
    this.watch?.observe(element);
  }

  unobserve(element: Element): void {
    this.watch?.unobserve(element);
    this.shown.delete(element);
  }

  /** Whether any part of `element` is on screen (always, where nothing can tell). */
  has(element: Element): boolean {
    return this.watch === null || this.shown.has(element);
  }

  disconnect(): void {
    this.watch?.disconnect();
    this.shown.clear();
  }
}
