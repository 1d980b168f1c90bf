import { z } from 'zod';
import { identifier, integerAtLeast, positiveNumber } from './fields';

// Stripe keeps idempotency keys for at least 24 h (SEMANTICS.md section 2).
const STRIPE_RETENTION_SECONDS = 86_400;

const ScannerSchema = z
  .strictObject({
    interval: positiveNumber(' s').describe('Seconds between two scans of the persisted orders.'),
    stuckAfter: positiveNumber(' s').describe(
      "A saga waiting on a reply whose current attempt started longer ago than this is declared lost (step.timedOut): it is driven forward (a retry) or back (compensation). Keep it above stepTimeout, or the job races the callers' own timeouts.",
    ),
  })
  .describe(
    'The scheduled compensation job (the critical path): it scans persisted order states every interval seconds and unsticks orders whose reply was lost.',
  );

const ExecutorSchema = z
  .strictObject({
    threads: integerAtLeast(1, 100_000).describe('Threads of the pool (core = maximum).'),
    queueCapacity: integerAtLeast(0, 10_000_000).describe(
      'Tasks that may wait for a thread; one more is rejected (RejectedExecutionException).',
    ),
  })
  .describe(
    "Async creation's background thread pool, as Java's ThreadPoolExecutor with a bounded queue: each saga step after the client's answer holds a thread until its reply or timeout; a full queue rejects the step, which the saga sees as a technical failure (retry, then compensation). Ignored with creation sync, where the request thread waits for the whole saga.",
  );

export const OrderFlowSchema = z
  .strictObject({
    id: identifier(),
    db: identifier().describe(
      'The database (from "databases") orders are persisted in and idempotency keys live in: each key check and each persist is a write to its current master.',
    ),
    rider: identifier().describe(
      'Station called to reserve and release a rider (its first endpoint, if it has endpoints).',
    ),
    payment: identifier().describe('Station called to capture and refund the payment.'),
    merchant: identifier().describe(
      "Station called to notify the merchant; a failed notification is redelivered on RocketMQ's delay schedule (10 s, 30 s, 1 min ... 2 h, 16 times).",
    ),
    stepTimeout: positiveNumber(' s')
      .default(1)
      .describe("Seconds each call of the flow waits for its answer (the saga's RPC timeout)."),
    creation: z
      .enum(['async', 'sync'], { error: 'must be "async" or "sync"' })
      .default('async')
      .describe(
        'async = the client succeeds once the order is persisted and the rest (rider, payment, merchant) runs in the background; sync = the client waits for the whole saga and fails if it was compensated.',
      ),
    scanner: ScannerSchema.optional(),
    executor: ExecutorSchema.optional(),
    retentionSeconds: integerAtLeast(1, 30 * 86_400)
      .default(STRIPE_RETENTION_SECONDS)
      .describe(
        'Seconds a stored response is kept under its idempotency key (Stripe: at least 24 h); a retry after that is a new order.',
      ),
    machines: z
      .enum(['compiled', 'xstate'], { error: 'must be "compiled" or "xstate"' })
      .default('compiled')
      .describe(
        'How the order machines run: compiled = the table-driven interpreter; xstate = one XState actor per machine instance (slower, same results).',
      ),
  })
  .describe(
    'An order flow: idempotency keys and the order saga (persist, reserve rider, capture payment, notify merchant, with compensations) run for every order placed with a placeOrder step.',
  );

export type OrderFlowSpec = z.infer<typeof OrderFlowSchema>;
