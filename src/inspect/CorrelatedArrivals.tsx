import { useEffect, useRef, useState } from 'react';
import {
  CORRELATED_CASES,
  type CorrelatedCase,
  type CorrelatedComparison,
} from '../../sim/inspect/correlatedArrivals';
import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { ArrivalHistogram } from './ArrivalHistogram';
import { arrivalRows, CASE_TEXT } from './correlatedText';

const keyOf = (seed: number, name: CorrelatedCase) => `${seed}:${name}`;

/**
 * Correlated arrivals: synchronised retries, TTLs expiring together and users arriving at once,
 * each against the same traffic decorrelated. Picking a case runs its two small scenarios in the
 * worker on the run's seed; results are kept, so switching back is instant.
 */
export function CorrelatedArrivals() {
  const bridge = useBridge();
  const seed = useAppStore((s) => s.run.seed);
  const ready = useAppStore((s) => s.run.scenario !== null && s.run.status !== 'loading');
  const [name, setName] = useState<CorrelatedCase | null>(null);
  const [results, setResults] = useState<ReadonlyMap<string, CorrelatedComparison>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Set<string>());

  useEffect(() => {
    if (name === null || !ready) return;
    const key = keyOf(seed, name);
    if (results.has(key) || pending.current.has(key)) return;
    pending.current.add(key);
    bridge
      .inspect(async (api) => await api.correlatedCase(name, seed))
      .then((result) => {
        if (!result.ok) throw new Error(result.errors.join('; '));
        setResults((before) => new Map(before).set(key, result.value));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => pending.current.delete(key));
  }, [name, ready, seed, results, bridge]);

  const shown = name === null ? undefined : results.get(keyOf(seed, name));
  return (
    <div className="inspect-card correlated-arrivals" data-testid="correlated-arrivals">
      <h3>Correlated arrivals</h3>
      <p className="muted">
        Traffic is not always Poisson: retries, expiries and users can come together. Each case runs
        twice on seed {seed}, changing one setting: the same users, arriving together or apart.
      </p>
      <fieldset className="correlated-cases" disabled={!ready}>
        <legend>Case</legend>
        {CORRELATED_CASES.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="correlated-case"
              value={c}
              checked={name === c}
              onChange={() => setName(c)}
            />{' '}
            {CASE_TEXT[c].name}
          </label>
        ))}
      </fieldset>
      {name !== null && (
        <p className="correlated-explain" data-testid="correlated-explain">
          {CASE_TEXT[name].explain}
        </p>
      )}
      <p role="status" className="muted" data-testid="correlated-status">
        {error !== null
          ? `Could not run the case: ${error}`
          : name === null
            ? 'Pick a case to run it.'
            : shown === undefined
              ? `Running ${CASE_TEXT[name].name.toLowerCase()}…`
              : ''}
      </p>
      {shown && <CaseFigures comparison={shown} />}
    </div>
  );
}

function CaseFigures({ comparison: c }: { comparison: CorrelatedComparison }) {
  const text = CASE_TEXT[c.name];
  const top = Math.max(c.correlated.peak, c.decorrelated.peak);
  const per = `${Math.round(c.bucketSeconds * 1000)} ms`;
  return (
    <div data-testid="correlated-figures" data-case={c.name}>
      <ArrivalHistogram
        counts={c.correlated.counts}
        bucketSeconds={c.bucketSeconds}
        top={top}
        mean={c.correlated.mean}
        title={`Correlated (${text.correlated}): ${c.measured} per ${per}`}
        testId="histogram-correlated"
      />
      <ArrivalHistogram
        counts={c.decorrelated.counts}
        bucketSeconds={c.bucketSeconds}
        top={top}
        mean={c.decorrelated.mean}
        title={`Decorrelated (${text.decorrelated}): ${c.measured} per ${per}`}
        testId="histogram-decorrelated"
      />
      <table className="raw-table" data-testid="correlated-table">
        <caption className="muted">
          Counted from the run&apos;s series, per {per}: {c.measured} (station &ldquo;{c.station}
          &rdquo;)
        </caption>
        <thead>
          <tr>
            <th scope="col">{text.name}</th>
            <th scope="col">correlated: {text.correlated}</th>
            <th scope="col">decorrelated: {text.decorrelated}</th>
          </tr>
        </thead>
        <tbody>
          {arrivalRows(c.correlated, c.decorrelated).map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td data-testid={`correlated-${r.id}`}>{r.correlated}</td>
              <td data-testid={`decorrelated-${r.id}`}>{r.decorrelated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
