/** What the payment provider holds for an order (its ledger, keyed by order and step). */
export const Payment = {
  None: 0,
  Captured: 1,
  Refunded: 2,
  /** Refunded before any capture: the authorisation is cancelled and a late capture is refused. */
  Voided: 3,
} as const;

/** A request the flow owes an answer: a client attempt held on the order service's thread. */
export interface Waiting {
  readonly request: number;
  readonly client: OrderClient;
  readonly logical: number;
  readonly attempt: number;
  /** Station index of the order service serving it (an instance crash is per station). */
  readonly station: number;
  /** The key-check call in flight, -1 when none. */
  call: number;
}

/** Who placed an order and hears the answer: the endpoint program holding the client's thread. */
export interface OrderClient {
  orderAnswered(request: number, ok: boolean): void;
}

/** One call of the flow in flight: a key check (step -1) or a saga step's attempt. */
export class FlowCall {
  /** Whether its reply still reaches the saga (a timeout, the scanner or a crash ends that). */
  live = true;
  /** Whether it blocks a thread of the background pool (until its reply, timeout or a crash). */
  holdsThread = false;

  constructor(
    readonly child: number,
    /** Index in SAGA_STEPS, or KEY_CHECK. */
    readonly step: number,
    readonly attempt: number,
    readonly order: OrderRecord | null,
    public waiting: Waiting | null,
  ) {}
}

export const KEY_CHECK = -1;

/** One order: its saga instance, where it stands, and what the services applied for it. */
export class OrderRecord {
  /** Saga instance in the pool, -1 once freed. */
  instance = -1;
  /** Top-level state (SAGA_STATES index), -1 before the first intent. */
  state = -1;
  step = -1;
  attempt = 0;
  attemptStartedAt = 0;
  /** The current step's call (the latest attempt's); null before the first and while queued. */
  call: FlowCall | null = null;
  /** The client waiting for this order's answer, null once answered or gone. */
  waiting: Waiting | null;
  /** The response stored under the key once decided (status), 0 before. */
  response = 0;
  done = false;
  persisted = false;
  riderReserved = false;
  payment: number = Payment.None;
  notified = 0;

  constructor(
    readonly id: number,
    readonly logical: number,
    readonly key: number,
    readonly keyInstance: number,
    readonly station: number,
    waiting: Waiting,
  ) {
    this.waiting = waiting;
  }
}
