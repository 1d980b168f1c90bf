import * as d3 from 'd3';
import { utilisationBand } from '../charts/palette';
import { elementFinder } from '../components/elementFinder';
import { setLiveAttribute, setLiveText } from '../components/liveDom';
import { formatCount, formatDuration, formatPercent, formatRate } from '../store/format';
import type { Figures } from '../store/liveFigures';
import type { AppState } from '../store/store';
import { BAR_W } from './topologyGeometry';
import type { TopologyNode } from './topologyLayout';

/** The elements of a box that show live numbers. */
const elementsOf = elementFinder({
  fill: '.topology-fill',
  utilisation: '.topology-utilisation',
  queue: '.topology-queue',
  lag: '.topology-lag',
});

type Scenario = AppState['run']['scenario'];

/**
 * Writes the live numbers into the boxes drawn for `scenario`; only what changed is written
 * (lesson 11 has 90 boxes, and a paced run a snapshot every frame).
 */
export function showBoxFigures(
  node: SVGSVGElement | null,
  figures: Figures,
  scenario: Scenario,
): void {
  const svg = d3.select(node);
  const topicsOf = consumerTopics(scenario);
  const topicLag = new Map(figures.topics.map((t) => [t.id, t.lag]));
  const rows = new Map(figures.stations.map((r) => [r.id, r]));
  const sources = new Map(figures.sources.map((r) => [r.id, r]));
  svg.selectAll<SVGGElement, TopologyNode>('g.topology-station').each(function (n) {
    const row = rows.get(n.id);
    const u = row?.utilisation ?? null;
    const band = utilisationBand(u);
    const box = elementsOf(this);
    if (box.fill) {
      setLiveAttribute(box.fill, 'width', String(BAR_W * Math.min(1, Math.max(0, u ?? 0))));
      setLiveAttribute(box.fill, 'fill', band.colour);
    }
    if (box.utilisation) {
      setLiveText(box.utilisation, row ? `${formatPercent(u)} ${band.label}` : '');
    }
    // The thread pool: servers busy of those there are, and the requests waiting for one.
    const pool = row
      ? `busy ${formatCount(row.busy)} of ${formatCount(row.servers)} · queue ${formatCount(row.queue)}`
      : '';
    if (box.queue) setLiveText(box.queue, pool);
    // A replica shows how far behind the master it is now (Seconds_Behind_Source); a topic's
    // consumer, the messages its group has still to consume.
    const lag = row?.replica ? formatDuration(row.replica.now) : null;
    const backlog = consumerLag(topicsOf.get(n.id), topicLag);
    const lags = [
      ...(lag === null ? [] : [`replication lag ${lag}`]),
      ...(backlog === null ? [] : [`consumer lag ${formatCount(backlog)}`]),
    ];
    if (box.lag) setLiveText(box.lag, row ? lags.join(' · ') : '');
    setLiveAttribute(this, 'data-consumer-lag', backlog === null ? null : String(backlog));
    const replicaLag = row?.replica?.now;
    setLiveAttribute(
      this,
      'data-replica-lag',
      replicaLag === undefined ? null : String(replicaLag),
    );
    setLiveAttribute(
      this,
      'aria-label',
      row
        ? `station ${n.id}: utilisation ${formatPercent(u)}, busy ${row.busy} of ` +
            `${row.servers}, queue ${row.queue}` +
            (lag === null ? '' : `, replication lag ${lag}`) +
            (backlog === null ? '' : `, consumer lag ${backlog}`)
        : `station ${n.id}`,
    );
  });
  svg.selectAll<SVGGElement, TopologyNode>('g.topology-source').each(function (n) {
    const row = sources.get(n.id);
    const queue = elementsOf(this).queue;
    if (queue) setLiveText(queue, row ? `${formatRate(row.offeredRate)} req/s` : '');
  });
}

const topicsByScenario = new WeakMap<object, Map<string, string[]>>();

/** The topics each station consumes, by station id (found once per scenario). */
export function consumerTopics(scenario: Scenario): Map<string, string[]> {
  if (!scenario) return new Map();
  let topics = topicsByScenario.get(scenario);
  if (!topics) {
    topics = new Map();
    for (const topic of scenario.topics) {
      for (const consumer of topic.consumers) {
        topics.set(consumer, [...(topics.get(consumer) ?? []), topic.id]);
      }
    }
    topicsByScenario.set(scenario, topics);
  }
  return topics;
}

/**
 * The lag of the topics a station consumes, summed; null when it consumes none, or before the
 * worker sent any topic's lag.
 */
export function consumerLag(
  topics: readonly string[] | undefined,
  lags: ReadonlyMap<string, number>,
): number | null {
  if (!topics || lags.size === 0) return null;
  let sum = 0;
  for (const id of topics) sum += lags.get(id) ?? 0;
  return sum;
}
