import type { RaceReplay as Replay } from '../../sim/inspect/raceReplay';
import type { WriteStrategy } from '../../sim/model/service/cacheSteps';
import { RaceTimeline } from './RaceTimeline';
import { STRATEGY_TEXT } from './raceText';
import { StepwiseButton } from './StepwiseButton';
import { useStepwiseInspect } from './useStepwiseInspect';

/**
 * The cache-consistency races, replayed for one key: each write strategy in its own panel (small
 * multiples on the same kind of axis), with the count of stale reads it served. The replays run
 * their own tiny scenario in the worker, with the run's seed, so they work in any lesson.
 */
export function RaceReplay() {
  const view = useStepwiseInspect(
    (api) => api.raceStrategies(),
    (api, strategy, _index, runSeed) => api.raceReplay(strategy, runSeed),
  );
  const { seed, results, status } = view;

  return (
    <div className="inspect-card race-replay" data-testid="race-replay">
      <h3>Cache consistency: the race, replayed for one key</h3>
      <p className="muted">
        One order, one writer, 2,000 reads a second that refill the cache on a miss: the real cache,
        lock and database of the cache-consistency lesson, traced for half a second of simulated
        time (seed {seed}). Each panel shows the write with the most stale reads after it.
      </p>
      <div className="controls">
        <StepwiseButton
          view={view}
          testId="race-run"
          label="Replay the races"
          again="Replay again"
        />
        <span role="status" data-testid="race-status">
          {status.kind === 'running' && `Replaying ${status.done + 1} of ${status.of}…`}
          {status.kind === 'error' && `Could not replay: ${status.message}`}
        </span>
      </div>
      {results.length > 0 && (
        <>
          <RaceLegend />
          <div className="race-grid">
            {results.map((r) => (
              <RacePanel key={r.strategy} replay={r} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function RacePanel({ replay }: { replay: Replay }) {
  const text = STRATEGY_TEXT[replay.strategy as WriteStrategy];
  const none = replay.staleReads === 0;
  return (
    <figure
      className="race-panel"
      data-testid={`race-panel-${replay.strategy}`}
      data-seed={replay.seed}
    >
      <figcaption>
        <strong>{text.title}</strong>{' '}
        <span className={none ? 'race-count ok' : 'race-count bad'}>
          {none ? '✓ ' : '! '}
          stale reads served:{' '}
          <span data-testid={`race-stale-${replay.strategy}`}>{replay.staleReads}</span>
        </span>
        <span className="muted">
          {' '}
          ({replay.staleReadsInWindow} in the stretch shown; {replay.readsTotal} reads,{' '}
          {replay.writes} writes in all; seed {replay.seed})
        </span>
      </figcaption>
      <RaceTimeline replay={replay} />
      <p className="race-why">{text.why}</p>
    </figure>
  );
}

function RaceLegend() {
  return (
    <ul className="race-legend" aria-label="Legend">
      <li>
        <span className="swatch hatch" /> stale window: the cache holds an older version than the
        database committed
      </li>
      <li>
        <span className="swatch stale" /> ! stale read (hatched bar)
      </li>
      <li>
        <span className="swatch hit" /> fresh hit
      </li>
      <li>
        <span className="swatch refill" /> miss, load and fill
      </li>
      <li>◆ commit · ● other writer operations</li>
    </ul>
  );
}
