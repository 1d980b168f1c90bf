import type { DegradationRung } from '../../sim/inspect/degradationLadder';
import { qualityOf, type Outcomes } from '../../sim/inspect/degradationQuality';
import { DEGRADATION_RUNGS } from '../../sim/inspect/degradationScenario';
import { answeredText, barParts, latencyText, qualityText, RUNG_TEXT } from './degradationText';

/** Results of the ladder's rungs, by "seed:level". */
export type RungResults = ReadonlyMap<string, DegradationRung>;
export const keyOf = (seed: number, level: number) => `${seed}:${level}`;

/** One rung's figures: the quality, the stacked bar of outcomes and the latencies. */
export function RungFigures({ rung }: { rung: DegradationRung }) {
  return (
    <div data-testid="degradation-figures" data-level={rung.level} data-seed={rung.seed}>
      <p className="ladder-quality">
        Quality <span data-testid="degradation-quality">{qualityText(rung.quality)}</span>
        <span className="muted"> of 1</span>
      </p>
      <p className="muted">{answeredText(rung)}</p>
      <OutcomeBar outcomes={rung.all} />
      <table className="ladder-latency" data-testid="degradation-latency">
        <caption className="muted">Latency of the answered requests</caption>
        <thead>
          <tr>
            <th scope="col">requests</th>
            <th scope="col">p50</th>
            <th scope="col">p99</th>
            <th scope="col">quality</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['all', rung.all],
              ['menu pages', rung.browse],
              ['checkouts', rung.checkout],
            ] as const
          ).map(([name, o]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{latencyText(o.p50)}</td>
              <td>{latencyText(o.p99)}</td>
              <td>{qualityText(qualityOf(o))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeBar({ outcomes }: { outcomes: Outcomes }) {
  const parts = barParts(outcomes);
  return (
    <figure className="ladder-bar" data-testid="degradation-bar">
      <div className="ladder-stack" aria-hidden="true">
        {parts
          .filter((p) => p.count > 0)
          .map((p) => (
            <span
              key={p.kind}
              className={`ladder-part part-${p.kind}`}
              style={{ width: `${p.share * 100}%`, backgroundColor: p.colour }}
              title={`${p.label}: ${p.count} (${p.text})`}
            >
              {p.share >= 0.12 ? p.text : ''}
            </span>
          ))}
      </div>
      <ul className="ladder-legend" aria-label="What the requests received">
        {parts.map((p) => (
          <li key={p.kind} data-testid={`degradation-part-${p.kind}`} data-count={p.count}>
            <span className={`swatch part-${p.kind}`} style={{ backgroundColor: p.colour }} />{' '}
            {p.label}: {p.count.toLocaleString('en')} ({p.text})
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Every rung's quality side by side; a dash for those not run yet. */
export function CompareRow({
  results,
  seed,
  level,
}: {
  results: RungResults;
  seed: number;
  level: number;
}) {
  return (
    <ol
      className="ladder-compare"
      aria-label="Quality on each rung"
      data-testid="degradation-compare"
    >
      {DEGRADATION_RUNGS.map((id, l) => {
        const r = results.get(keyOf(seed, l));
        return (
          <li
            key={id}
            className={l === level ? 'current' : undefined}
            data-testid={`degradation-compare-${id}`}
          >
            <span className="muted">{RUNG_TEXT[id].name}</span>{' '}
            <strong>{r ? qualityText(r.quality) : '–'}</strong>
          </li>
        );
      })}
    </ol>
  );
}
