import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import { pendingState, type GoalCheck } from './goalCheck';
import { secondsText, type GoalState } from './goalState';

type OrdersLostGoal = Extract<GoalSpec, { kind: 'ordersLost' }>;

/**
 * Orders acknowledged and then lost: sagas waiting on a reply nothing will ever send. The
 * scheduled job may still rescue a stuck saga, so the verdict waits for the end of the run.
 */
export class OrdersLostCheck implements GoalCheck {
  readonly state: GoalState;

  constructor(
    private readonly spec: OrdersLostGoal,
    private readonly stuck: () => number,
  ) {
    this.state = pendingState(
      spec,
      'decided at the end of the run: stuck orders may still be rescued',
    );
  }

  check(): void {
    if (this.state.status === 'pending') {
      this.state.reason = `${this.stuck()} orders stuck now; decided at the end of the run (the scheduled job may still rescue them)`;
    }
  }

  finish(t: number): void {
    if (this.state.status !== 'pending') return;
    const lost = this.stuck();
    const broken = lost > this.spec.atMost;
    this.state.status = broken ? 'broken' : 'met';
    this.state.at = t;
    this.state.reason = `${lost} orders of flow "${this.spec.flow}" still stuck at the end (t = ${secondsText(t)}), waiting on a reply that will never come; ${this.spec.atMost} allowed`;
  }
}
