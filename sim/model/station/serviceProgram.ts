import type { Station } from './station';

/**
 * What a server does with a request when serving it is more than one sampled duration: CPU work,
 * calls to dependencies with timeouts, fallbacks. The server (a thread) is held for all of it,
 * which is how a slow dependency exhausts a caller's thread pool.
 */
export interface ServiceProgram {
  /** Starts serving `request`; ends with exactly one `station.finish(request, failed)` unless aborted. */
  begin(request: number, station: Station): void;
  /** The server gives up on `request` (the `cancel` timeout policy): stop its timers and calls. */
  abort(request: number): void;
}
