import { useEffect, useRef, useState } from 'react';
import {
  BASE_RATE,
  CAPACITY,
  PEAK_LEVELS,
  type PeakSmoothingPoint,
} from '../../sim/inspect/peakSmoothing';
import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { BacklogChart } from './BacklogChart';
import { countText, levelText, peakRows, peakSummary, theorySecondsText } from './peakText';

const keyOf = (seed: number, level: number) => `${seed}:${level}`;
/** The lesson's own peak: three times the consumers' capacity. */
const START_LEVEL = PEAK_LEVELS.indexOf(3);

/**
 * Message-queue peak smoothing: a slider sets the burst's peak as a multiple of the consumers'
 * capacity; each level is two runs in the worker on the run's seed (the same orders with the
 * queue and without), made when first shown and kept, so moving back is instant.
 */
export function PeakSmoothing() {
  const bridge = useBridge();
  const seed = useAppStore((s) => s.run.seed);
  const ready = useAppStore((s) => s.run.scenario !== null && s.run.status !== 'loading');
  const [level, setLevel] = useState(START_LEVEL);
  const [asked, setAsked] = useState(false);
  const [results, setResults] = useState<ReadonlyMap<string, PeakSmoothingPoint>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Set<string>());

  useEffect(() => {
    if (!asked || !ready) return;
    const key = keyOf(seed, level);
    if (results.has(key) || pending.current.has(key)) return;
    pending.current.add(key);
    bridge
      .inspect(async (api) => await api.peakSmoothingPoint(level, seed))
      .then((result) => {
        if (!result.ok) throw new Error(result.errors.join('; '));
        setResults((before) => new Map(before).set(key, result.value));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => pending.current.delete(key));
  }, [asked, ready, seed, level, results, bridge]);

  const shown = results.get(keyOf(seed, level));
  const multiple = PEAK_LEVELS[level]!;
  return (
    <div className="inspect-card peak-smoothing" data-testid="peak-smoothing">
      <h3>Message queue: smoothing a peak</h3>
      <p className="muted">
        Four consumers fulfil {CAPACITY} orders/s; orders come at {BASE_RATE}/s, and for 5 s a burst
        lifts them to the chosen multiple of that capacity. With the queue the order API publishes
        and answers; without it, it calls fulfilment and waits (1 s call timeout, users give up at 2
        s). Same orders both ways, seed {seed}.
      </p>
      <div className="ladder-control">
        <label htmlFor="peak-level">Peak / consumer capacity</label>
        <input
          id="peak-level"
          type="range"
          min={0}
          max={PEAK_LEVELS.length - 1}
          step={1}
          value={level}
          disabled={!ready}
          aria-valuetext={`${levelText(multiple)}: ${countText(multiple * CAPACITY)} orders/s`}
          onChange={(e) => {
            setAsked(true);
            setLevel(Number(e.target.value));
          }}
          data-testid="peak-level"
        />
        <output htmlFor="peak-level" data-testid="peak-level-text">
          {levelText(multiple)} = {countText(multiple * CAPACITY)} orders/s
        </output>
        <button type="button" onClick={() => setAsked(true)} disabled={!ready || asked}>
          Run this peak
        </button>
      </div>
      <ol className="ladder-ticks" aria-hidden="true">
        {PEAK_LEVELS.map((m, l) => (
          <li key={m} className={l === level ? 'current' : undefined}>
            {levelText(m)}
          </li>
        ))}
      </ol>
      <p role="status" className="muted" data-testid="peak-status">
        {error !== null
          ? `Could not run the peak: ${error}`
          : !asked
            ? 'Move the slider (or press Run) to run the burst at that peak.'
            : shown === undefined
              ? `Running the ${levelText(multiple)} peak…`
              : ''}
      </p>
      {shown && <PeakFigures point={shown} />}
    </div>
  );
}

function PeakFigures({ point }: { point: PeakSmoothingPoint }) {
  return (
    <div data-testid="peak-figures" data-level={point.level}>
      <p data-testid="peak-summary">{peakSummary(point)}</p>
      <table className="raw-table" data-testid="peak-table">
        <thead>
          <tr>
            <th scope="col">at {levelText(point.level)}</th>
            <th scope="col">with queue</th>
            <th scope="col">without queue</th>
          </tr>
        </thead>
        <tbody>
          {peakRows(point).map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td data-testid={`peak-queue-${r.id}`}>{r.queue}</td>
              <td data-testid={`peak-sync-${r.id}`}>{r.sync}</td>
            </tr>
          ))}
          <tr className="theory-row">
            <th scope="row">fluid theory: peak backlog</th>
            <td data-testid="peak-theory-backlog">{countText(point.theory.peakBacklog)}</td>
            <td rowSpan={2} className="muted">
              bounded by the API&apos;s and fulfilment&apos;s queues
            </td>
          </tr>
          <tr className="theory-row">
            <th scope="row">fluid theory: drain time</th>
            <td data-testid="peak-theory-drain">{theorySecondsText(point.theory.drainTime)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        Fluid theory treats orders as a steady stream: the backlog grows at (peak − capacity)
        through the burst and falls at (capacity − base) after it. The simulation adds the
        randomness: the Poisson arrivals, and consumers that each work off their own partitions, the
        last of the four setting the drain time. Drained means back to {point.drainedAtMost}{' '}
        messages.
      </p>
      <BacklogChart point={point} />
    </div>
  );
}
