/**
 * Multi-active data centres by user unit (Alibaba's unit-based design, Ele.me's multi-centre):
 * users are split into units by id, each unit lives in one home centre, so each of N centres
 * carries 1/N of the traffic. When a centre fails, its units get no service until the failover
 * delay has passed (DNS and gateway rules catching up), then move to the surviving centres, whose
 * headroom decides whether they hold.
 */
export const UNITS = 1000;

/**
 * A user's unit: a hash of the id, not the id itself, so that the most popular ids (0, 1, 2 ...
 * under Zipf) spread over all units and centres instead of piling into the first centre's range.
 */
export function unitOf(key: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) | 0;
  return (Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0) % UNITS;
}

/** Home centre of a unit among `centres` when every centre is up: contiguous ranges of units. */
export function homeCentre(unit: number, centres: number): number {
  return Math.floor((unit * centres) / UNITS);
}

export class UnitRouter {
  /** Centre serving each unit now, -1 while its centre is failing over. */
  private readonly owner: Int32Array;
  private readonly up: boolean[];
  /** Requests refused because their unit's centre was down and not yet failed over. */
  refused = 0;

  constructor(private readonly entries: readonly number[]) {
    this.owner = new Int32Array(UNITS);
    this.up = entries.map(() => true);
    this.rebalance();
  }

  get centres(): number {
    return this.entries.length;
  }

  /** Home centre of a unit when every centre is up: contiguous ranges of units. */
  homeOf(unit: number): number {
    return homeCentre(unit, this.entries.length);
  }

  /** Entry station for a request about `key`, or -1 when its centre is down and not failed over. */
  route(key: number): number {
    const centre = this.owner[unitOf(key)]!;
    if (centre < 0) {
      this.refused++;
      return -1;
    }
    return this.entries[centre]!;
  }

  /** Centre `c` fails: its units are unserved until `failover()` is called. */
  fail(c: number): void {
    this.up[c] = false;
    for (let u = 0; u < UNITS; u++) if (this.owner[u] === c) this.owner[u] = -1;
  }

  /** The failover completed: orphaned units move to the surviving centres, spread evenly. */
  failover(): void {
    this.rebalance();
  }

  /** Centre `c` is back: its home units return to it. */
  recover(c: number): void {
    this.up[c] = true;
    this.rebalance();
  }

  private rebalance(): void {
    const alive = this.entries.map((_, c) => c).filter((c) => this.up[c]);
    let next = 0;
    for (let u = 0; u < UNITS; u++) {
      const home = this.homeOf(u);
      if (this.up[home]) this.owner[u] = home;
      else if (alive.length === 0) this.owner[u] = -1;
      else if (this.owner[u]! < 0 || !this.up[this.owner[u]!]) {
        this.owner[u] = alive[next++ % alive.length]!;
      }
    }
  }
}
