import type { Kernel } from '../../kernel/kernel';
import type { RandomStream } from '../../kernel/rng';
import { TimeoutList } from '../../kernel/timeoutList';
import { Place, type RequestTable } from '../requests/requestTable';
import type { RejectReason, Station, StationListener } from '../station/station';
import type { Requester } from './requester';
import type { RequestTracer } from '../../trace/requestTracer';

export interface Route {
  to: number;
  probability: number;
}

/**
 * An open queueing network: stations joined by probabilistic routing. After service a request
 * moves to the next station drawn from its station's routes, or leaves the network with the
 * probability left over. The network owns the request table's life cycle: it frees an attempt
 * when the attempt has left the network and nobody holds it any more.
 */
export class Network implements StationListener {
  readonly stations: Station[] = [];
  readonly requesters: Requester[] = [];
  private routeTargets: Int32Array[] = [];
  private routeCumulative: Float64Array[] = [];
  private routingRng: RandomStream[] = [];
  /** Attempts that finished after their client had given up, network-wide. */
  lateExits = 0;
  /** Largest number of attempts in flight allowed before the run stops with an error. */
  maxInFlight = 5_000_000;
  /** Every requester's deadline lists, one per distinct timeout; a request names its list. */
  private readonly timeoutLists: TimeoutList[] = [];
  /** A per-request trace recorder (sim/trace), null when tracing is off: one check per hook. */
  tracer: RequestTracer | null = null;
  /**
   * Requests sent along each edge, cumulative: row-major [origin][station], one row per origin
   * the owner named with `countFlows` (a station's routes and its program's calls share the
   * station's row). Only ever incremented, never read here: counting cannot change a run.
   */
  flows = new Float64Array(0);
  /** Per requester, where its row starts in `flows`, -1 when nobody named its origin. */
  private readonly requesterBase: number[] = [];
  private readonly rowOf = new Map<Requester, number>();

  constructor(
    readonly kernel: Kernel,
    readonly table: RequestTable,
  ) {}

  addStation(station: Station, routingRng: RandomStream): void {
    this.stations.push(station);
    this.routeTargets.push(new Int32Array(0));
    this.routeCumulative.push(new Float64Array(0));
    this.routingRng.push(routingRng);
  }

  setRoutes(stationIndex: number, routes: readonly Route[]): void {
    const targets = new Int32Array(routes.length);
    const cumulative = new Float64Array(routes.length);
    let sum = 0;
    routes.forEach((route, i) => {
      sum += route.probability;
      targets[i] = route.to;
      cumulative[i] = sum;
    });
    this.routeTargets[stationIndex] = targets;
    this.routeCumulative[stationIndex] = cumulative;
  }

  addRequester(requester: Requester): number {
    this.requesters.push(requester);
    const row = this.rowOf.get(requester);
    this.requesterBase.push(row === undefined ? -1 : row * this.stations.length);
    return this.requesterBase.length - 1;
  }

  /**
   * Starts counting requests per edge: `rows` origins, rows 0 to stations - 1 being the stations
   * (their routes), and `requesterRows` the row of each requester whose sends count (a station's
   * program on its station's row, a source, a topic...). Called once, after the stations are
   * added and before the run starts (requesters join when they first send).
   */
  countFlows(rows: number, requesterRows: ReadonlyMap<Requester, number>): void {
    this.flows = new Float64Array(rows * this.stations.length);
    for (const [requester, row] of requesterRows) this.rowOf.set(requester, row);
  }

  /**
   * A list for deadlines of `delay` seconds that call `onExpired(request)`; returns its number.
   * Deadlines of one length expire in the order they were armed, so a FIFO list replaces a heap
   * entry per request (see TimeoutList): at 200,000 requests/s this is most of the kernel's work.
   */
  addTimeoutList(delay: number, onExpired: (request: number) => void): number {
    this.timeoutLists.push(new TimeoutList(this.kernel, delay, onExpired));
    return this.timeoutLists.length - 1;
  }

  /** Arms `request`'s deadline on list `list` (from addTimeoutList). */
  armTimeout(request: number, list: number): void {
    const table = this.table;
    const timeouts = this.timeoutLists[list]!;
    table.deadline[request] = this.kernel.now + timeouts.delay;
    table.timeout[request] = timeouts.start(request);
    table.timeoutList[request] = list;
  }

  /** Disarms `request`'s deadline, if it has one pending. */
  clearTimeout(request: number): void {
    const table = this.table;
    const handle = table.timeout[request]!;
    if (handle >= 0) this.timeoutLists[table.timeoutList[request]!]!.cancel(handle);
    table.timeout[request] = -1;
  }

  /** A fresh attempt for `requester`: the caller fills in origin time, attempt and deadline. */
  allocate(requesterIndex: number): number {
    const table = this.table;
    if (table.inFlight >= this.maxInFlight) {
      throw new RangeError(
        `more than ${this.maxInFlight} requests in flight at t=${this.kernel.now.toFixed(3)} s: ` +
          'some station is overloaded with an unbounded queue (set its queueCapacity, or lower the load)',
      );
    }
    const request = table.allocate();
    table.source[request] = requesterIndex;
    return request;
  }

  send(request: number, stationIndex: number): void {
    const base = this.requesterBase[this.table.source[request]!]!;
    if (base >= 0) this.flows[base + stationIndex]!++;
    this.stations[stationIndex]!.arrive(request);
  }

  /** The client's deadline passed: mark the attempt abandoned and tell the station holding it. */
  abandon(request: number): void {
    const table = this.table;
    if (this.tracer !== null && table.traced[request] === 1) this.tracer.abandoned(request);
    table.abandoned[request] = 1;
    table.timeout[request] = -1;
    const at = table.station[request]!;
    if (at >= 0) this.stations[at]!.clientGaveUp(request);
  }

  departed(request: number, from: Station): void {
    const targets = this.routeTargets[from.index]!;
    if (targets.length > 0) {
      const u = this.routingRng[from.index]!.next();
      const cumulative = this.routeCumulative[from.index]!;
      for (let i = 0; i < targets.length; i++) {
        if (u < cumulative[i]!) {
          const to = targets[i]!;
          if (this.flows.length > 0) this.flows[from.index * this.stations.length + to]!++;
          this.stations[to]!.arrive(request);
          return;
        }
      }
    }
    this.exit(request);
  }

  rejected(request: number, _from: Station, reason: RejectReason): void {
    const table = this.table;
    if (table.abandoned[request] === 0) {
      this.clearTimeout(request);
      this.requesters[table.source[request]!]!.failed(
        request,
        reason === 'unavailable' ? 'unavailable' : 'rejected',
      );
    }
    table.release(request);
  }

  dropped(request: number): void {
    this.table.release(request);
  }

  errored(request: number): void {
    const table = this.table;
    if (table.abandoned[request] === 0) {
      this.clearTimeout(request);
      this.requesters[table.source[request]!]!.failed(request, 'error');
    }
    table.place[request] = Place.Elsewhere;
    table.release(request);
  }

  private exit(request: number): void {
    const table = this.table;
    if (table.abandoned[request] === 0) {
      this.clearTimeout(request);
      this.requesters[table.source[request]!]!.succeeded(request);
    } else {
      this.lateExits++;
    }
    table.place[request] = Place.Elsewhere;
    table.release(request);
  }
}
