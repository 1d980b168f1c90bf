import type { RandomStream } from '../../kernel/rng';
import type { Distribution } from '../distributions/distribution';
import type { Network } from '../network/network';
import { Source, type ClientConfig } from './source';

/**
 * A fixed population of clients, each sending one request, waiting for its outcome (success or
 * final failure after retries), thinking, and sending the next. Load falls as latency rises, the
 * way real users behave, so a closed loop cannot overload a station without limit.
 */
export class ClosedLoopSource extends Source {
  private readonly onThinkDone = (client: number) => this.sendNew(client);

  constructor(
    id: string,
    network: Network,
    target: number,
    client: ClientConfig,
    private readonly clients: number,
    private readonly think: Distribution,
    private readonly thinkRng: RandomStream,
  ) {
    super(id, network, target, client);
  }

  protected begin(): void {
    // Each client starts after one think time, so they do not all fire at t = 0.
    for (let c = 0; c < this.clients; c++) {
      this.kernel.schedule(this.think.sample(this.thinkRng), this.onThinkDone, c);
    }
  }

  protected override finished(client: number): void {
    this.kernel.schedule(this.think.sample(this.thinkRng), this.onThinkDone, client);
  }
}
