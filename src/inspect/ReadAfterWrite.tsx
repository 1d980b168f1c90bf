import { useState } from 'react';
import type { ReadAfterWritePoint } from '../../sim/inspect/readAfterWrite';
import { useBridge } from '../bridge/BridgeContext';
import { appStore, useAppStore } from '../store/store';
import { LineLegend } from './LineLegend';
import { RawChart } from './RawChart';
import { lagText, RAW_SERIES, shareText } from './rawSeries';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; of: number }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

/**
 * Read-after-write on replicas: the share of reads answered stale as the replication lag grows,
 * with reads spread over the replicas and with read-your-writes (reads of a key go to the master
 * for 1 s after it was written). Each lag level is four short runs in the worker, one level per
 * call, so the page shows progress and the run on screen waits at most a quarter second.
 */
export function ReadAfterWrite() {
  const bridge = useBridge();
  const shownSeed = useAppStore((s) => s.run.seed);
  // The run's seed, once a run is loaded: before that there is no seed to follow yet.
  const ready = useAppStore((s) => s.run.scenario !== null && s.run.status !== 'loading');
  const [levels, setLevels] = useState<number[]>([]);
  const [points, setPoints] = useState<ReadAfterWritePoint[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async () => {
    const seed = appStore.getState().run.seed;
    setPoints([]);
    try {
      const lags = await bridge.inspect((api) => api.readAfterWriteLevels());
      setLevels(lags);
      const done: ReadAfterWritePoint[] = [];
      for (let level = 0; level < lags.length; level++) {
        setStatus({ kind: 'running', done: level, of: lags.length });
        const result = await bridge.inspect(
          async (api) => await api.readAfterWritePoint(level, seed),
        );
        if (!result.ok) throw new Error(result.errors.join('; '));
        done.push(result.value);
        setPoints([...done]);
      }
      setStatus({ kind: 'done' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="inspect-card read-after-write" data-testid="read-after-write">
      <h3>Read-after-write on replicas</h3>
      <p className="muted">
        The read-write-split lesson scaled down: one master, two replicas, 200 writes/s. Blue: a
        writer reading back at once what it just saved; vermillion: other users reading at 1,000/s.
        Solid: reads spread over the replicas; dashed: read-your-writes (1 s on the master after a
        write). Seed {shownSeed}.
      </p>
      <div className="controls">
        <button
          type="button"
          onClick={() => void run()}
          disabled={!ready || status.kind === 'running'}
          data-testid="raw-run"
        >
          {points.length > 0 ? 'Compute again' : 'Compute the chart'}
        </button>
        {status.kind === 'running' && (
          <label className="raw-progress">
            Lag level {status.done + 1} of {status.of}{' '}
            <progress value={status.done} max={status.of} data-testid="raw-progress" />
          </label>
        )}
        {status.kind === 'error' && <span role="alert">Could not compute: {status.message}</span>}
      </div>
      {points.length > 0 && (
        <>
          <LineLegend
            lines={RAW_SERIES}
            text={(s) =>
              `${s.marker === 'circle' ? (s.dash ? '○' : '●') : s.dash ? '□' : '■'} ${s.label}`
            }
          />
          <RawChart points={points} levels={levels} />
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
              {points.map((p) => (
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
