import type { Kernel } from '../../kernel/kernel';
import type { RandomStream } from '../../kernel/rng';
import type { EventHandle } from '../../kernel/units';
import type { Distribution } from '../distributions/distribution';
import type { RequestTable } from '../requests/requestTable';
import type { ServiceProgram } from '../station/serviceProgram';
import type { Station } from '../station/station';
import type { ShardedTable } from './shardedTable';

/**
 * Serves a search index's station: a query takes one sampled service time, like any plain
 * station's request, and is answered from what the index holds when it runs, so the index, not
 * the caller, knows whether the answer was stale.
 */
export class SearchIndexServer implements ServiceProgram {
  private station!: Station;
  private readonly onDone = (request: number) => this.station.finish(request);

  constructor(
    private readonly sharded: ShardedTable,
    private readonly kernel: Kernel,
    private readonly table: RequestTable,
    private readonly service: Distribution,
    private readonly rng: RandomStream,
  ) {}

  begin(request: number, station: Station): void {
    this.station = station;
    const table = this.table;
    this.sharded.searched(table.key[request]!, this.kernel.now);
    const duration = this.service.sample(this.rng) * station.slowdown;
    table.completion[request] = this.kernel.schedule(duration, this.onDone, request);
  }

  abort(request: number): void {
    this.kernel.cancel(this.table.completion[request] as EventHandle);
    this.table.completion[request] = -1;
  }
}
