import { formatSecondsTick } from '../store/format';
import { useAppStore } from '../store/store';
import {
  cacheHitRatioLines,
  sourceLatencyLines,
  sourceLines,
  stationLines,
  topicLagLines,
} from './chartLines';
import {
  BREAKER_LEVEL_NAMES,
  breakerLevelLines,
  breakerStateLines,
  orderRateLines,
  orderStateLines,
  replicationLagLines,
  staleReadLines,
} from './componentLines';
import { OutcomeChart } from './OutcomeChart';
import { PoolChart } from './PoolChart';
import { TimeSeriesChart } from './TimeSeriesChart';
import { ZoomControls } from './ZoomControls';

const throughputLines = stationLines('throughput');
const utilisationLines = stationLines('utilisation');
const stationP99Lines = stationLines('latencyP99');
const percent = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Every chart on the run's shared time axis, zoomed together; caches, topics, databases,
 * breakers and orders only when the scenario has them.
 */
export function ChartsPanel() {
  const hasCaches = useAppStore((s) => s.run.layout.cacheIds.length > 0);
  const hasTopics = useAppStore((s) => s.run.layout.topicIds.length > 0);
  const hasDatabases = useAppStore((s) => (s.run.layout.databaseIds ?? []).length > 0);
  const hasBreakers = useAppStore((s) => (s.run.layout.breakerIds ?? []).length > 0);
  const hasOrders = useAppStore((s) => (s.run.layout.orderIds ?? []).length > 0);
  return (
    <section aria-labelledby="charts-heading" className="panel charts">
      <h2 id="charts-heading">Over time</h2>
      <ZoomControls />
      <TimeSeriesChart
        id="throughput"
        title="Throughput per station (completions/s)"
        lines={throughputLines}
      />
      <TimeSeriesChart
        id="utilisation"
        title="Utilisation per station (busy servers or threads / pool size)"
        lines={utilisationLines}
        yMax={1}
        yFormat={percent}
      />
      <PoolChart />
      <TimeSeriesChart
        id="goodput"
        title="Client goodput (solid) vs offered load (dashed), requests/s"
        lines={sourceLines}
      />
      <OutcomeChart />
      <TimeSeriesChart
        id="latency"
        title="Client latency, end to end: p50 (dotted), p95 (dashed), p99 (solid)"
        lines={sourceLatencyLines}
        yFormat={formatSecondsTick}
      />
      <TimeSeriesChart
        id="station-latency"
        title="Latency p99 per station (wait + service)"
        lines={stationP99Lines}
        yFormat={formatSecondsTick}
      />
      {hasCaches && (
        <TimeSeriesChart
          id="cache-hit-ratio"
          title="Cache hit ratio"
          lines={cacheHitRatioLines}
          yMax={1}
          yFormat={percent}
        />
      )}
      {hasTopics && (
        <TimeSeriesChart
          id="topic-lag"
          title="Queue lag per topic (messages published, not yet consumed)"
          lines={topicLagLines}
        />
      )}
      {hasDatabases && (
        <>
          <TimeSeriesChart
            id="replication-lag"
            title="Replication lag of the bucket's writes (commit to apply): each replica (dashed), the mean over replicas (solid)"
            lines={replicationLagLines}
            yFormat={formatSecondsTick}
          />
          <TimeSeriesChart
            id="stale-reads"
            title="Stale reads served by replicas (reads/s)"
            lines={staleReadLines}
          />
        </>
      )}
      {hasBreakers && (
        <>
          <TimeSeriesChart
            id="breaker-level"
            title="Circuit breaker state (the state held longest in each bucket)"
            lines={breakerLevelLines}
            yLevels={BREAKER_LEVEL_NAMES}
            steps
          />
          <TimeSeriesChart
            id="breaker-state"
            title="Circuit breakers: share of each bucket OPEN (solid) and HALF_OPEN (dotted); the rest CLOSED"
            lines={breakerStateLines}
            yMax={1}
            yFormat={percent}
            steps
          />
        </>
      )}
      {hasOrders && (
        <>
          <TimeSeriesChart
            id="order-states"
            title="Orders by saga state (mean number of sagas in each running state)"
            lines={orderStateLines}
          />
          <TimeSeriesChart
            id="order-outcomes"
            title="Orders created, completed and compensated, by mechanism (per second)"
            lines={orderRateLines}
          />
        </>
      )}
      <p className="table-note">
        Each point is one bucket of simulated time. Latency percentiles are those of the requests
        completed in the bucket; when a long run merges buckets, a merged bucket shows the larger.
      </p>
    </section>
  );
}
