import type { CircuitBreaker, CircuitState } from './circuitBreaker';

export interface Transition {
  at: number;
  from: CircuitState;
  to: CircuitState;
}

/**
 * A breaker with its name and its recent transitions, for the report and the dashboard. The log
 * keeps the first `limit` transitions only, so a flapping breaker cannot grow memory without end.
 */
export class LoggedBreaker {
  readonly transitions: Transition[] = [];
  transitionCount = 0;

  constructor(
    readonly name: string,
    readonly breaker: CircuitBreaker,
    private readonly limit = 1000,
  ) {
    breaker.onTransition = (at, from, to) => {
      this.transitionCount++;
      if (this.transitions.length < this.limit) this.transitions.push({ at, from, to });
    };
  }
}
