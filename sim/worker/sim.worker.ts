/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { api } from './api';
import type { Snapshot } from './snapshot';

/** Snapshots travel as transferable buffers: the worker hands them over instead of copying. */
const withTransfer = (snapshot: Snapshot) =>
  transfer(snapshot, [
    snapshot.stations.buffer,
    snapshot.sources.buffer,
    snapshot.flows.buffer,
    snapshot.breakers.buffer,
    snapshot.topics.buffer,
    snapshot.series.data.buffer,
  ]);

expose({
  ...api,
  advance: (...args: Parameters<typeof api.advance>) => withTransfer(api.advance(...args)),
  step: (...args: Parameters<typeof api.step>) => withTransfer(api.step(...args)),
  snapshot: (...args: Parameters<typeof api.snapshot>) => withTransfer(api.snapshot(...args)),
  reset: () => withTransfer(api.reset()),
});
