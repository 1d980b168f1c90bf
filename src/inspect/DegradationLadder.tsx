import { useEffect, useRef, useState } from 'react';
import {
  BROWSE_RATE,
  CHECKOUT_RATE,
  DEGRADATION_RUNGS,
  PEAK_SECONDS,
  PRICING_MEAN,
  PRICING_THREADS,
} from '../../sim/inspect/degradationScenario';
import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { LADDER_CLAIM, RUNG_TEXT, weightsText } from './degradationText';
import { CompareRow, keyOf, RungFigures, type RungResults } from './LadderFigures';

const LAST = DEGRADATION_RUNGS.length - 1;

/**
 * The degradation ladder: one slider moves the lunch peak through full service, stale cache
 * answers, a static fallback and shedding, and the view shows what users received on that rung.
 * Each rung is its own small run in the worker (tens of milliseconds), made when first asked for
 * with the run's seed and kept, so moving back is instant. Nothing runs until the user asks.
 */
export function DegradationLadder() {
  const bridge = useBridge();
  const seed = useAppStore((s) => s.run.seed);
  const ready = useAppStore((s) => s.run.scenario !== null && s.run.status !== 'loading');
  const [level, setLevel] = useState(0);
  const [asked, setAsked] = useState(false);
  const [results, setResults] = useState<RungResults>(new Map());
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Set<string>());

  const compute = (lvl: number) => {
    const key = keyOf(seed, lvl);
    if (results.has(key) || pending.current.has(key)) return;
    pending.current.add(key);
    setError(null);
    bridge
      .inspect(async (api) => await api.degradationRung(lvl, seed))
      .then((result) => {
        if (!result.ok) throw new Error(result.errors.join('; '));
        setResults((before) => new Map(before).set(key, result.value));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => pending.current.delete(key));
  };

  useEffect(() => {
    if (asked && ready) compute(level);
    // `compute` reads this render's results; when to run depends only on these.
  }, [asked, ready, seed, level]);

  const shown = results.get(keyOf(seed, level));
  const rung = DEGRADATION_RUNGS[level]!;
  const compareAll = () => {
    setAsked(true);
    for (let l = 0; l <= LAST; l++) compute(l);
  };

  return (
    <div className="inspect-card degradation-ladder" data-testid="degradation-ladder">
      <h3>Degradation ladder at the lunch peak</h3>
      <p className="muted">
        Pricing answers about {Math.round(PRICING_THREADS / PRICING_MEAN)} calls a second; for{' '}
        {PEAK_SECONDS} s it is asked by {BROWSE_RATE} menu pages and {CHECKOUT_RATE} checkouts a
        second. Each rung is that peak, simulated with seed {seed}.
      </p>
      <div className="ladder-control">
        <label htmlFor="degradation-level">Rung</label>
        <input
          id="degradation-level"
          type="range"
          min={0}
          max={LAST}
          step={1}
          value={level}
          disabled={!ready}
          aria-valuetext={`${level}: ${RUNG_TEXT[rung].name}`}
          onChange={(e) => {
            setAsked(true);
            setLevel(Number(e.target.value));
          }}
          // A key or a click on the slider asks too, even one that leaves it on the same rung.
          onKeyDown={() => setAsked(true)}
          onPointerDown={() => setAsked(true)}
          data-testid="degradation-level"
        />
        <ol className="ladder-ticks" aria-hidden="true">
          {DEGRADATION_RUNGS.map((id, l) => (
            <li key={id} className={l === level ? 'current' : undefined}>
              {l}. {RUNG_TEXT[id].name}
            </li>
          ))}
        </ol>
        <button type="button" onClick={compareAll} disabled={!ready} data-testid="degradation-all">
          Compare the four rungs
        </button>
      </div>
      <p className="ladder-does" data-testid="degradation-explain">
        <strong>{RUNG_TEXT[rung].name}.</strong> {RUNG_TEXT[rung].does}
      </p>
      <p role="status" className="muted" data-testid="degradation-status">
        {error !== null
          ? `Could not run the rung: ${error}`
          : !asked
            ? 'Move the slider (or press Compare) to run the peak on a rung.'
            : shown === undefined
              ? `Running ${RUNG_TEXT[rung].name.toLowerCase()}…`
              : ''}
      </p>
      {shown && <RungFigures rung={shown} />}
      <p className="muted">
        Quality: each user request scores {weightsText()}; the figure is the average over all
        requests, menu pages and checkouts.
      </p>
      <CompareRow results={results} seed={seed} level={level} />
      <p className="muted">{LADDER_CLAIM}</p>
    </div>
  );
}
