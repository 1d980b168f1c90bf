import type { BreakerView, OutcomeName } from '../../sim/inspect/breakerView';
import { OUTCOME_ORDER, OUTCOME_STYLE } from './breakerText';

/**
 * The sliding window's contents: for a count-based window one cell per slot, oldest on the left
 * and empty slots blank; for a time-based one a column per second with its counts.
 */
export function WindowStrip({ view }: { view: BreakerView }) {
  const w = view.window;
  const title =
    w.kind === 'TIME_BASED'
      ? `Window: the last ${w.size} seconds, oldest first`
      : w.kind === 'HALF_OPEN_PROBES'
        ? `Probe window: ${w.total} of ${w.size} probes finished`
        : `Window: ${w.total} of ${w.size} slots filled, oldest first`;
  // OPEN keeps the window it decided on (Resilience4j's OpenState keeps the previous metrics).
  const heading = view.state === 'OPEN' ? `${title} (the calls it opened on)` : title;
  return (
    <figure className="window-strip">
      <figcaption>{heading}</figcaption>
      {w.kind === 'TIME_BASED' ? (
        <ol className="window-buckets" data-testid="breaker-window">
          {w.buckets.map((b) => (
            <li key={b.second} title={`second ${b.second}`}>
              <span className="bucket-second">{b.second} s</span>
              {OUTCOME_ORDER.filter((o) => b.counts[o] > 0).map((o) => (
                <span key={o}>
                  {/* The colour on a chip behind black text: as text colour it was too faint. */}
                  <span className="glyph-chip" style={{ background: OUTCOME_STYLE[o].colour }}>
                    {OUTCOME_STYLE[o].glyph}
                  </span>{' '}
                  {b.counts[o]}
                </span>
              ))}
            </li>
          ))}
        </ol>
      ) : (
        <ol
          className="window-cells"
          data-testid="breaker-window"
          aria-label={`${w.cells.length} outcomes, oldest first`}
        >
          {Array.from({ length: w.size }, (_, i) => {
            const o: OutcomeName | undefined = w.cells[i];
            const style = o ? OUTCOME_STYLE[o] : undefined;
            return (
              <li
                key={i}
                className={o ? 'cell' : 'cell empty'}
                data-outcome={o ?? 'empty'}
                style={style ? { background: style.colour } : undefined}
                title={style?.label ?? 'empty'}
              >
                {style?.glyph ?? ''}
              </li>
            );
          })}
        </ol>
      )}
      <p className="window-counts">
        {OUTCOME_ORDER.map((o) => `${OUTCOME_STYLE[o].label} ${w.counts[o]}`).join(' · ')}
        {` · not permitted ${view.notPermittedInWindow}`}
      </p>
    </figure>
  );
}
