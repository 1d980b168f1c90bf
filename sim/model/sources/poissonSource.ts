import { log } from '../../kernel/portableMath';
import type { RandomStream } from '../../kernel/rng';
import type { Network } from '../network/network';
import type { RateProfile } from './rateProfile';
import { Source, type ClientConfig } from './source';

export interface Burst {
  /** Extra Poisson rate (requests/s) added on top of the profile during [start, start+duration). */
  start: number;
  duration: number;
  rate: number;
}

export interface Batch {
  /** `count` requests arriving at the same instant: users released at once, a cron fan-out. */
  at: number;
  count: number;
}

/**
 * Poisson arrivals with a time-varying rate, by thinning (Lewis and Shedler): candidates arrive
 * at the bound rate and each is kept with probability rate(t) / bound. A constant rate skips the
 * thinning draw. Bursts add rate over an interval; batches add simultaneous arrivals.
 */
export class PoissonSource extends Source {
  private readonly bound: number;
  private readonly thinned: boolean;
  private readonly onCandidate = () => this.candidate();
  private readonly onBatch = (count: number) => {
    for (let i = 0; i < count; i++) this.sendNew(-1);
  };

  constructor(
    id: string,
    network: Network,
    target: number,
    client: ClientConfig,
    private readonly profile: RateProfile,
    private readonly bursts: readonly Burst[],
    private readonly batches: readonly Batch[],
    private readonly arrivalsRng: RandomStream,
    private readonly thinningRng: RandomStream,
  ) {
    super(id, network, target, client);
    // The bound must cover every instant: profile peak plus all bursts, even if they overlap.
    this.bound = profile.max + bursts.reduce((sum, b) => sum + b.rate, 0);
    this.thinned = !profile.isConstant || bursts.length > 0;
  }

  protected begin(): void {
    for (const batch of this.batches) this.kernel.scheduleAt(batch.at, this.onBatch, batch.count);
    this.scheduleNext();
  }

  rateAt(t: number): number {
    let rate = this.profile.rateAt(t);
    for (const burst of this.bursts) {
      if (t >= burst.start && t < burst.start + burst.duration) rate += burst.rate;
    }
    return rate;
  }

  private scheduleNext(): void {
    if (this.bound <= 0) return;
    const gap = -log(this.arrivalsRng.nextOpenClosed()) / this.bound;
    this.kernel.schedule(gap, this.onCandidate);
  }

  private candidate(): void {
    if (!this.thinned || this.thinningRng.next() * this.bound < this.rateAt(this.kernel.now)) {
      this.sendNew(-1);
    }
    this.scheduleNext();
  }
}
