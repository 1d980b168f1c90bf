/**
 * Whoever sends requests into the network and hears how each attempt ended. Sources implement it;
 * the network calls back exactly once per attempt the requester has not already abandoned.
 */
export interface Requester {
  readonly id: string;
  succeeded(request: number): void;
  failed(request: number, reason: 'rejected' | 'unavailable'): void;
}
