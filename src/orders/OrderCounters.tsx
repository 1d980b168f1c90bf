import type { OrderFigures } from '../../sim/worker/ordersApi';
import { formatCount } from '../store/format';

interface Counter {
  key: keyof Omit<OrderFigures, 'id' | 'states'>;
  header: string;
  description: string;
}

/** What each practice did, as issue 4 asks the sandbox to show: counts since t = 0. */
const COUNTERS: Counter[] = [
  {
    key: 'created',
    header: 'Created',
    description: 'Sagas started: one per processed idempotency key',
  },
  { key: 'inFlight', header: 'In flight', description: 'Sagas not finished now' },
  { key: 'completed', header: 'Completed', description: 'Sagas that reached completed' },
  {
    key: 'compensated',
    header: 'Compensated',
    description: 'Sagas turned back, every compensation run in reverse',
  },
  {
    key: 'compensationsByScanner',
    header: 'By scheduled job',
    description:
      'Stuck sagas the scheduled job declared lost and drove on or back (the critical path)',
  },
  {
    key: 'notifyRedeliveries',
    header: 'By delayed message',
    description:
      'notifyMerchant redelivered on the RocketMQ delay schedule (the non-critical path)',
  },
  {
    key: 'duplicatesSuppressed',
    header: 'Duplicates suppressed',
    description: 'Deliveries an idempotent consumer recognised and applied no effect for',
  },
  {
    key: 'replaysServed',
    header: 'Replays served',
    description: 'Client retries answered with the stored response of the first attempt',
  },
  {
    key: 'conflicts',
    header: '409s',
    description: 'Retries refused while the first attempt was in flight',
  },
  { key: 'stuck', header: 'Stuck', description: 'Sagas waiting on a reply an instance crash lost' },
  {
    key: 'doubleCaptures',
    header: 'Double charges',
    description: 'Captures for a request already charged',
  },
];

/** The background pool's threads, when async creation has one: issue 4's thread-pool metrics. */
const POOL: Counter[] = [
  {
    key: 'poolActive',
    header: 'Pool busy',
    description: 'Background pool threads blocked on a saga call now',
  },
  {
    key: 'poolQueued',
    header: 'Pool queued',
    description: 'Saga steps waiting for a background thread now',
  },
  {
    key: 'poolRejected',
    header: 'Pool rejected',
    description:
      'Saga steps refused by the full queue since t = 0 (the saga retries or compensates)',
  },
];

export function OrderCounters({ figures }: { figures: OrderFigures[] }) {
  const columns = figures.some((f) => f.poolActive !== null) ? [...COUNTERS, ...POOL] : COUNTERS;
  return (
    <table className="live-table" data-testid="orders-table">
      <caption className="visually-hidden">Order flows: counts since t = 0</caption>
      <thead>
        <tr>
          <th scope="col">Flow</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" title={c.description}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id}>
            <th scope="row">{f.id}</th>
            {columns.map((c) => (
              <td key={c.key} data-testid={`orders-${f.id}-${c.key}`} data-value={f[c.key] ?? ''}>
                {formatCount(f[c.key])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
