import { LineLegend } from './LineLegend';
import { RawChart } from './RawChart';
import { lagText, RAW_SERIES, shareText } from './rawSeries';
import { StepwiseButton } from './StepwiseButton';
import { useStepwiseInspect } from './useStepwiseInspect';

/**
 * Read-after-write on replicas: the share of reads answered stale as the replication lag grows,
 * with reads spread over the replicas and with read-your-writes (reads of a key go to the master
 * for 1 s after it was written). Each lag level is four short runs in the worker, one level per
 * call, so the page shows progress and the run on screen waits at most a quarter second.
 */
export function ReadAfterWrite() {
  // One step per lag level, asked for by its index.
  const view = useStepwiseInspect(
    (api) => api.readAfterWriteLevels(),
    (api, _lag, level, runSeed) => api.readAfterWritePoint(level, runSeed),
  );
  const { seed, steps, results, status } = view;

  return (
    <div className="inspect-card read-after-write" data-testid="read-after-write">
      <h3>Read-after-write on replicas</h3>
      <p className="muted">
        The read-write-split lesson scaled down: one master, two replicas, 200 writes/s. Blue: a
        writer reading back at once what it just saved; vermillion: other users reading at 1,000/s.
        Solid: reads spread over the replicas; dashed: read-your-writes (1 s on the master after a
        write). Seed {seed}.
      </p>
      <div className="controls">
        <StepwiseButton
          view={view}
          testId="raw-run"
          label="Compute the chart"
          again="Compute again"
        />
        {status.kind === 'running' && (
          <label className="raw-progress">
            Lag level {status.done + 1} of {status.of}{' '}
            <progress value={status.done} max={status.of} data-testid="raw-progress" />
          </label>
        )}
        {status.kind === 'error' && <span role="alert">Could not compute: {status.message}</span>}
      </div>
      {results.length > 0 && (
        <>
          <LineLegend
            lines={RAW_SERIES}
            text={(s) =>
              `${s.marker === 'circle' ? (s.dash ? '○' : '●') : s.dash ? '□' : '■'} ${s.label}`
            }
          />
          <RawChart points={results} levels={steps} />
          <table className="raw-table" data-testid="raw-table">
            <caption className="muted">Stale share of reads, by replication lag</caption>
            <thead>
              <tr>
                <th scope="col">shipping delay</th>
                <th scope="col">mean lag</th>
                {RAW_SERIES.map((s) => (
                  <th key={s.id} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {results.map((p) => (
                <tr key={p.shipDelay}>
                  <th scope="row">{lagText(p.shipDelay)}</th>
                  <td>{lagText(p.meanLag)}</td>
                  {RAW_SERIES.map((s) => (
                    <td key={s.id}>{shareText(s.share(p))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            Read-your-writes keeps the writer&apos;s own reads fresh at any lag here, and other
            users&apos; reads too while the lag stays under its 1 s window; past it, reads of a key
            written over a second ago go back to a replica that has not caught up.
          </p>
        </>
      )}
    </div>
  );
}
