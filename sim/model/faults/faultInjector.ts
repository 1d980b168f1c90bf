import type { Component, Kernel } from '../../kernel/kernel';
import type { Cache } from '../cache/cache';
import type { UnitRouter } from '../datacentre/unitRouter';
import type { ReplicatedDatabase } from '../database/replicatedDatabase';
import type { Topic } from '../mq/topic';
import type { OrderFlow } from '../orders/orderFlow';
import type { Station } from '../station/station';

export type Fault =
  | { kind: 'slowdown'; at: number; station: Station; factor: number; duration?: number }
  | { kind: 'outage'; at: number; station: Station; duration?: number }
  | { kind: 'servers'; at: number; station: Station; servers: number }
  | { kind: 'flushCache'; at: number; cache: Cache }
  | {
      kind: 'masterFailover';
      at: number;
      db: ReplicatedDatabase;
      master: Station;
      promotionDelay: number;
    }
  | {
      kind: 'centreDown';
      at: number;
      router: UnitRouter;
      centre: number;
      failoverDelay: number;
      duration?: number | undefined;
    }
  | { kind: 'consumerCrash'; at: number; topic: Topic; consumer: number; restartDelay: number }
  | { kind: 'instanceCrash'; at: number; station: number; flows: readonly OrderFlow[] }
  | {
      kind: 'duplicateCalls';
      at: number;
      station: number;
      duration: number;
      flows: readonly OrderFlow[];
    };

/**
 * Applies scheduled faults at their simulated times. Faults draw no random numbers, so adding one
 * leaves every other stream, and so the traffic, unchanged (common random numbers).
 */
export class FaultInjector implements Component {
  readonly id = 'faults';
  private kernel!: Kernel;
  private readonly onFault = (index: number) => this.apply(this.faults[index]!, index);
  private readonly onRecover = (index: number) => this.recover(this.faults[index]!);

  constructor(private readonly faults: readonly Fault[]) {}

  start(kernel: Kernel): void {
    this.kernel = kernel;
    this.faults.forEach((fault, i) => kernel.scheduleAt(fault.at, this.onFault, i));
  }

  private apply(fault: Fault, index: number): void {
    switch (fault.kind) {
      case 'slowdown':
        fault.station.slowdown *= fault.factor;
        break;
      case 'outage':
        fault.station.down = true;
        break;
      case 'servers':
        fault.station.setServers(fault.servers);
        return;
      case 'flushCache':
        fault.cache.flush();
        return;
      case 'masterFailover':
        // The old master stops answering; what it was serving is lost with it.
        fault.master.down = true;
        fault.master.setServers(0);
        this.kernel.schedule(fault.promotionDelay, this.onPromote, index);
        return;
      case 'consumerCrash':
        fault.topic.crash(fault.consumer, fault.restartDelay);
        return;
      case 'instanceCrash':
        for (const flow of fault.flows) flow.crash(fault.station);
        return;
      case 'duplicateCalls':
        for (const flow of fault.flows)
          flow.duplicateCalls(fault.station, fault.at + fault.duration);
        return;
      case 'centreDown':
        fault.router.fail(fault.centre);
        this.kernel.schedule(fault.failoverDelay, this.onFailover, index);
        break;
    }
    if (fault.duration !== undefined) this.kernel.schedule(fault.duration, this.onRecover, index);
  }

  private recover(fault: Fault): void {
    if (fault.kind === 'slowdown') fault.station.slowdown /= fault.factor;
    else if (fault.kind === 'outage') fault.station.down = false;
    else if (fault.kind === 'centreDown') fault.router.recover(fault.centre);
  }

  private readonly onPromote = (index: number) => {
    const fault = this.faults[index]!;
    if (fault.kind === 'masterFailover') fault.db.promote(fault.at);
  };

  private readonly onFailover = (index: number) => {
    const fault = this.faults[index]!;
    if (fault.kind === 'centreDown') fault.router.failover();
  };
}
