import type { EventObject, StateValue } from 'xstate';
import type { Kernel } from '../../kernel/kernel';

export type InstanceStatus = 'active' | 'done';

/**
 * Many instances of one machine on one kernel, each addressed by a small integer. Two
 * implementations: CompiledMachinePool (the table-driven interpreter the simulator runs) and
 * ActorPool (one XState actor per instance, for comparison and debugging). Both run the same
 * provided machine, with timers on the kernel, and must behave identically
 * (tests/sim/machines/compiled*.test.ts).
 */
export interface MachinePool<TInput, TEvent extends EventObject> {
  /** Starts an instance: its entry actions run now, its timers are set on the kernel. */
  create(input: TInput): number;
  /** Processes the event now (a done instance ignores it, as a stopped actor does). */
  send(instance: number, event: TEvent): void;
  /**
   * Stops the instance (its pending timers are cancelled) and recycles its number. Not from
   * inside its own actions: schedule a kernel event for that.
   */
  free(instance: number): void;
  status(instance: number): InstanceStatus;
  /** As XState's `snapshot.value`. */
  value(instance: number): StateValue;
  /** A copy of the context. */
  context(instance: number): Record<string, unknown>;
  /** The machine's output, once done. */
  output(instance: number): unknown;
  hasTag(instance: number, tag: string): boolean;
  /** Instances created and not freed. */
  readonly live: number;
}

export interface PoolOptions {
  readonly kernel: Kernel;
  /** Kernel priority of the timer events (as KernelClock's). */
  readonly timerPriority?: number;
  /** Called when an instance reaches a final state, after its actions and timer changes. */
  readonly onDone?: (instance: number) => void;
  readonly initialCapacity?: number;
}
