import { SAGA_STEPS, type SagaOutcome, type SagaStep } from '../../machines/orderSaga.machine';
import { Payment, type OrderRecord } from './orderRecord';

/**
 * Checks the order flow's promises on one run, for tests: fed by the flow as things happen, read
 * once at the end. It keeps every order, so it is for small runs only.
 */
export class OrderAudit {
  private readonly orders: OrderRecord[] = [];
  private readonly outcomes = new Map<number, SagaOutcome[]>();
  /** Per logical request: the status of the response stored under its key (the latest). */
  private readonly stored = new Map<number, number>();
  private readonly toldSuccess = new Set<OrderRecord>();
  private readonly problems: string[] = [];
  /** Per order, the steps it ran, each once however many attempts it took. */
  private readonly trails = new Map<number, SagaStep[]>();

  created(order: OrderRecord): void {
    this.orders.push(order);
  }

  /** The response stored under `order`'s key; `told` when its client was still waiting. */
  decided(order: OrderRecord, status: number, told: boolean): void {
    this.stored.set(order.logical, status);
    if (told && status < 300) this.toldSuccess.add(order);
  }

  replayed(logical: number, status: number): void {
    const original = this.stored.get(logical);
    if (original !== status) {
      this.problems.push(
        `logical request ${logical}: replay returned ${status}, the original was ${String(original)}`,
      );
    }
  }

  /** A step's attempt started (step: index in SAGA_STEPS). */
  stepStarted(order: OrderRecord, step: number): void {
    const trail = this.trails.get(order.id) ?? [];
    if (trail.at(-1) !== SAGA_STEPS[step]) trail.push(SAGA_STEPS[step]!);
    this.trails.set(order.id, trail);
  }

  trailOf(orderId: number): readonly SagaStep[] {
    return this.trails.get(orderId) ?? [];
  }

  outcomeOf(orderId: number): SagaOutcome | undefined {
    return this.outcomes.get(orderId)?.[0];
  }

  /** Orders created per logical request (more than one: the key did not protect it). */
  ordersPerLogical(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const o of this.orders) counts.set(o.logical, (counts.get(o.logical) ?? 0) + 1);
    return counts;
  }

  get allOrders(): readonly OrderRecord[] {
    return this.orders;
  }

  settled(order: OrderRecord, outcome: SagaOutcome): void {
    const list = this.outcomes.get(order.id) ?? [];
    list.push(outcome);
    this.outcomes.set(order.id, list);
  }

  get ordersCreated(): number {
    return this.orders.length;
  }

  /** Every broken invariant, in words; empty when the run kept its promises. */
  violations(): string[] {
    const out = [...this.problems];
    const perLogical = new Map<number, number>();
    for (const order of this.orders) {
      const outcomes = this.outcomes.get(order.id) ?? [];
      if (outcomes.length !== 1) {
        out.push(`order ${order.id}: ${outcomes.length} terminal states (${outcomes.join(', ')})`);
      }
      if (outcomes[0] === 'compensated' && order.payment === Payment.Captured) {
        out.push(`order ${order.id}: compensated with its payment captured and never refunded`);
      }
      if (order.payment === Payment.Captured || order.payment === Payment.Refunded) {
        const n = (perLogical.get(order.logical) ?? 0) + 1;
        perLogical.set(order.logical, n);
        if (n > 1) out.push(`logical request ${order.logical}: payment captured ${n} times`);
      }
    }
    for (const order of this.toldSuccess) {
      if (!order.persisted || (this.outcomes.get(order.id) ?? []).length === 0) {
        out.push(
          `order ${order.id}: its client was told it succeeded, but it is ${order.persisted ? 'not finished' : 'not persisted'}`,
        );
      }
    }
    return out;
  }
}
