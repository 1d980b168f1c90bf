import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import { IntervalCheck, intervalText, type IntervalVerdict } from './goalCheck';
import { percentText } from './goalState';

type UtilisationGoal = Extract<GoalSpec, { kind: 'utilisation' }>;

/** A station's time integrals of busy servers and of servers available (busyAreaAt...). */
export interface BusyAreas {
  busyAreaAt(now: number): number;
  capacityAreaAt(now: number): number;
}

/** Busy server-seconds over available server-seconds, per interval, as the report computes it. */
export class UtilisationCheck extends IntervalCheck {
  private busyBefore = 0;
  private capacityBefore = 0;

  constructor(
    private readonly spec: UtilisationGoal,
    private readonly station: BusyAreas,
  ) {
    super(spec, spec);
  }

  protected measure(t0: number, t: number): IntervalVerdict | undefined {
    const busy = this.station.busyAreaAt(t);
    const capacity = this.station.capacityAreaAt(t);
    const dBusy = busy - this.busyBefore;
    const dCapacity = capacity - this.capacityBefore;
    this.busyBefore = busy;
    this.capacityBefore = capacity;
    if (!(dCapacity > 0)) return undefined;
    const share = dBusy / dCapacity;
    const breaks = share > this.spec.below;
    return {
      breaks,
      severity: share,
      text: `utilisation ${percentText(share)} ${breaks ? '>' : '<='} ${percentText(this.spec.below)} ${intervalText(t0, t)}`,
    };
  }
}
