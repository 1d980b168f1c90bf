import type { RandomStream } from '../../kernel/rng';
import { formatParameter, type Distribution } from './distribution';

/**
 * Always the same value: the D in M/D/1, whose waiting time is half of M/M/1's at the same load.
 * It draws no random number, so swapping it in does not shift the stream it is handed.
 */
export class Deterministic implements Distribution {
  readonly variance: number = 0;
  readonly mean: number;
  readonly p99: number;

  constructor(readonly value: number) {
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new RangeError(`deterministic value must be a finite number >= 0, got ${value}`);
    }
    this.mean = value;
    this.p99 = value;
  }

  sample(_rng: RandomStream): number {
    return this.value;
  }

  describe(): string {
    return `deterministic(value=${formatParameter(this.value)})`;
  }
}
