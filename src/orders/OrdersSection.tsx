import { useState } from 'react';
import type { OrderMark, OrderStorySummary } from '../../sim/model/orders/orderJournal';
import { useBridge } from '../bridge/BridgeContext';
import { useWorkerPolling } from '../bridge/useWorkerPolling';
import { useAppStore } from '../store/store';
import { OrderCounters } from './OrderCounters';
import { OrderStoryView } from './OrderStoryView';
import './orders.css';

type ListName = 'notable' | 'recent' | 'inFlight';
const LIST_LABEL: Record<ListName, string> = {
  notable: 'Notable (compensated, unstuck by the job, duplicates, replays...)',
  recent: 'Latest finished',
  inFlight: 'In flight (oldest first)',
};
const MARK_LABEL: Record<OrderMark, string> = {
  compensated: 'compensated',
  byScheduledJob: 'scheduled job',
  redelivered: 'delayed message',
  duplicateSuppressed: 'duplicate suppressed',
  replayServed: 'replay served',
  conflict: '409',
  replyLost: 'reply lost',
  needsManualHandling: 'manual',
};

/**
 * The order machines from inside: counters of what each practice did, and any order's story
 * (its idempotency key and saga, state by state). Shown when the scenario has order flows.
 */
export function OrdersSection() {
  const bridge = useBridge();
  const run = useAppStore(
    (s) => `${s.run.scenarioName}:${s.run.seed}:${s.run.injectedFaults.length}`,
  );
  const loaded = useAppStore((s) => s.run.scenarioName !== '');
  const figures = useWorkerPolling(bridge, loaded ? (api) => api.orderFigures() : null, run);
  const flow = figures?.[0]?.id ?? null;
  const [list, setList] = useState<ListName>('notable');
  const lists = useWorkerPolling(
    bridge,
    flow === null ? null : (api) => api.orderStories(flow),
    `${run}:${flow}`,
  );
  const [opened, setOpened] = useState<number | null>(null);
  const story = useWorkerPolling(
    bridge,
    flow === null || opened === null ? null : (api) => api.orderStory(flow, opened),
    `${run}:${flow}:${opened}`,
  );
  if (figures === null || figures.length === 0) return null;
  const shown: OrderStorySummary[] = lists?.[list] ?? [];
  return (
    <section className="panel orders-panel" aria-labelledby="orders-heading">
      <h2 id="orders-heading">Orders: the XState machines of every order</h2>
      <OrderCounters figures={figures} />
      <div className="orders-browser">
        <div className="orders-list">
          <fieldset>
            <legend>Open an order</legend>
            {(Object.keys(LIST_LABEL) as ListName[]).map((name) => (
              <label key={name}>
                <input
                  type="radio"
                  name="order-list"
                  value={name}
                  checked={list === name}
                  onChange={() => setList(name)}
                />
                {LIST_LABEL[name]}
              </label>
            ))}
          </fieldset>
          {shown.length === 0 ? (
            <p className="table-note">None yet.</p>
          ) : (
            <ul data-testid={`orders-list-${list}`}>
              {shown.map((o) => (
                <li key={o.orderId}>
                  <button
                    type="button"
                    aria-pressed={opened === o.orderId}
                    onClick={() => setOpened(o.orderId)}
                  >
                    Order {o.orderId}
                  </button>{' '}
                  <span className="muted">
                    t = {o.startedAt.toFixed(2)} s, {o.outcome ?? 'in flight'}
                    {o.marks.length > 0 && `: ${o.marks.map((m) => MARK_LABEL[m]).join(', ')}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="orders-story">
          {story ? (
            <OrderStoryView story={story} />
          ) : (
            <p className="table-note">
              {opened === null
                ? 'Pick an order to see its machines step by step.'
                : `Order ${opened} is no longer kept (the page keeps the latest and the notable ones).`}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
