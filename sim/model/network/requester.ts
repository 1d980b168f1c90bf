/** Why an attempt failed: refused (queue full), station down, or an error while being served. */
export type FailureReason = 'rejected' | 'unavailable' | 'error';

/**
 * Whoever sends requests into the network and hears how each attempt ended. Sources implement it;
 * the network calls back exactly once per attempt the requester has not already abandoned.
 */
export interface Requester {
  readonly id: string;
  succeeded(request: number): void;
  failed(request: number, reason: FailureReason): void;
}
