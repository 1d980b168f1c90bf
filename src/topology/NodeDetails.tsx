import { useEffect, useMemo, useRef } from 'react';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import { formatCount, formatDuration, formatPercent, formatRate } from '../store/format';
import type { SourceRow, StationRow } from '../store/liveFigures';
import type { AppState } from '../store/store';
import { useStoreSubscription } from '../store/useStoreSubscription';
import { nodeSettings, type NodeRef } from './nodeSettings';

interface LiveFigure<Row> {
  key: string;
  label: string;
  format(row: Row): string;
}

const STATION_FIGURES: LiveFigure<StationRow>[] = [
  { key: 'arrivals', label: 'Arrivals', format: (r) => formatCount(r.arrivals) },
  { key: 'completed', label: 'Done', format: (r) => formatCount(r.completed) },
  { key: 'rejected', label: 'Rejected', format: (r) => formatCount(r.rejected) },
  { key: 'timedOut', label: 'Timed out', format: (r) => formatCount(r.timedOut) },
  {
    key: 'busy',
    label: 'Busy servers',
    format: (r) => `${formatCount(r.busy)} of ${formatCount(r.servers)}`,
  },
  { key: 'queue', label: 'Queue', format: (r) => formatCount(r.queue) },
  {
    key: 'utilisation',
    label: 'Utilisation (recent)',
    format: (r) => formatPercent(r.utilisation),
  },
  {
    key: 'meanLatency',
    label: 'Mean latency (last bucket)',
    format: (r) => formatDuration(r.meanLatency),
  },
];

/** A replica's own lag (SEMANTICS.md section 4), after its station figures. */
const REPLICA_FIGURES: LiveFigure<StationRow>[] = [
  {
    key: 'replicaLag',
    label: 'Replication lag now',
    format: (r) => formatDuration(r.replica?.now ?? null),
  },
  {
    key: 'replicaMeanLag',
    label: 'Mean replication lag (recent)',
    format: (r) => formatDuration(r.replica?.mean ?? null),
  },
  {
    key: 'replicaMaxLag',
    label: 'Largest replication lag',
    format: (r) => formatDuration(r.replica?.max ?? null),
  },
];
const REPLICA_STATION_FIGURES = [...STATION_FIGURES, ...REPLICA_FIGURES];

const SOURCE_FIGURES: LiveFigure<SourceRow>[] = [
  { key: 'offered', label: 'Offered', format: (r) => formatCount(r.offered) },
  { key: 'offeredRate', label: 'Offered/s (recent)', format: (r) => formatRate(r.offeredRate) },
  { key: 'goodputRate', label: 'Goodput/s (recent)', format: (r) => formatRate(r.goodputRate) },
  { key: 'successShare', label: 'Success', format: (r) => formatPercent(r.successShare) },
  { key: 'retries', label: 'Retries', format: (r) => formatCount(r.retries) },
];

interface NodeDetailsProps {
  scenario: Scenario;
  node: NodeRef;
  onClose(): void;
}

/**
 * A node's live figures and its settings (defaults filled in, breaker thresholds spelled out).
 * Not modal: the run goes on behind it. Escape or the Close button closes it.
 */
export function NodeDetails({ scenario, node, onClose }: NodeDetailsProps) {
  const sections = useMemo(() => nodeSettings(scenario, node), [scenario, node]);
  const isReplica =
    node.kind === 'station' && scenario.databases.some((db) => db.replicas.includes(node.id));
  const closeRef = useRef<HTMLButtonElement>(null);
  const headingId = `node-details-${node.kind}-${node.id}`;
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [node, onClose]);

  return (
    <aside
      className="node-details"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      data-testid="node-details"
    >
      <div className="node-details-head">
        <h3 id={headingId}>
          {node.kind === 'source' ? 'Source' : 'Station'} <code>{node.id}</code>
        </h3>
        <button type="button" ref={closeRef} data-testid="node-details-close" onClick={onClose}>
          Close <span className="visually-hidden">the details (Escape)</span>
        </button>
      </div>
      {node.kind === 'station' ? (
        <LiveFigures
          id={node.id}
          figures={isReplica ? REPLICA_STATION_FIGURES : STATION_FIGURES}
          select={(s: AppState) => s.figures.stations}
        />
      ) : (
        <LiveFigures
          id={node.id}
          figures={SOURCE_FIGURES}
          select={(s: AppState) => s.figures.sources}
        />
      )}
      {sections.map((section) => (
        <section key={section.title} className="node-settings">
          <h4>{section.title}</h4>
          <dl>
            {section.rows.map(([label, value], i) => (
              <div key={`${label}:${i}`} data-testid={`setting-${section.title}-${label}`}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </aside>
  );
}

/** The node's row of the live tables, refreshed in place on every snapshot. */
function LiveFigures<Row extends { id: string }>({
  id,
  figures,
  select,
}: {
  id: string;
  figures: LiveFigure<Row>[];
  select: (state: AppState) => readonly Row[];
}) {
  const listRef = useRef<HTMLDListElement>(null);
  useStoreSubscription(
    (s) => select(s).find((r) => r.id === id),
    (row) => {
      for (const figure of figures) {
        const cell = listRef.current?.querySelector(`[data-figure="${figure.key}"]`);
        const text = row ? figure.format(row) : '–';
        if (cell && cell.textContent !== text) cell.textContent = text;
      }
    },
    [id, figures],
  );
  return (
    <section className="node-settings">
      <h4>Now</h4>
      <dl ref={listRef} className="node-live">
        {figures.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd data-figure={f.key} data-testid={`node-figure-${f.key}`}>
              –
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
