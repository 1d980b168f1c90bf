import {
  createActor,
  type Actor,
  type AnyStateMachine,
  type EventFromLogic,
  type EventObject,
  type InputFrom,
  type StateValue,
} from 'xstate';
import { KernelClock } from '../kernelClock';
import type { InstanceStatus, MachinePool, PoolOptions } from './machinePool';

/** An XState pool of `machine` (as provided), typed from the machine. */
export function actorPool<M extends AnyStateMachine>(machine: M, options: PoolOptions) {
  return new ActorPool<InputFrom<M>, EventFromLogic<M>>(machine, options);
}

/**
 * The same interface over one real XState actor per instance, on one KernelClock: the reference
 * the compiled interpreter is compared with, and the way to run a machine under XState's own
 * tools (inspection) when debugging. An actor that ends in `error` makes the next call on it
 * throw that error, so both pools fail loudly.
 */
export class ActorPool<TInput, TEvent extends EventObject> implements MachinePool<TInput, TEvent> {
  private readonly actors: (Actor<AnyStateMachine> | undefined)[] = [];
  private readonly freeList: number[] = [];
  private readonly clock: KernelClock;
  private readonly onDone: ((instance: number) => void) | undefined;
  private liveCount = 0;

  constructor(
    private readonly machine: AnyStateMachine,
    options: PoolOptions,
  ) {
    this.clock = new KernelClock(options.kernel, options.timerPriority ?? 0);
    this.onDone = options.onDone;
  }

  get live(): number {
    return this.liveCount;
  }

  create(input: TInput): number {
    const i = this.freeList.pop() ?? this.actors.length;
    const actor = createActor(this.machine, { input, clock: this.clock });
    this.actors[i] = actor;
    this.liveCount++;
    const onDone = this.onDone;
    actor.subscribe({
      ...(onDone ? { complete: () => onDone(i) } : {}),
      error: () => {}, // kept in the snapshot; `actor()` rethrows it
    });
    actor.start();
    rethrow(actor); // onDone may have freed it already
    return i;
  }

  send(instance: number, event: TEvent): void {
    const actor = this.actor(instance);
    if (actor.getSnapshot().status !== 'active') return; // XState would warn, then ignore it
    actor.send(event);
    rethrow(actor);
  }

  free(instance: number): void {
    this.actorOrError(instance).stop();
    this.actors[instance] = undefined;
    this.freeList.push(instance);
    this.liveCount--;
  }

  status(instance: number): InstanceStatus {
    return this.actor(instance).getSnapshot().status === 'done' ? 'done' : 'active';
  }

  value(instance: number): StateValue {
    return this.actor(instance).getSnapshot().value;
  }

  context(instance: number): Record<string, unknown> {
    return { ...this.actor(instance).getSnapshot().context };
  }

  output(instance: number): unknown {
    return this.actor(instance).getSnapshot().output;
  }

  hasTag(instance: number, tag: string): boolean {
    return this.actor(instance).getSnapshot().hasTag(tag);
  }

  private actorOrError(instance: number): Actor<AnyStateMachine> {
    const actor = this.actors[instance];
    if (!actor) throw new Error(`${this.machine.id} instance ${instance} is not allocated`);
    return actor;
  }

  private actor(instance: number): Actor<AnyStateMachine> {
    return rethrow(this.actorOrError(instance));
  }
}

function rethrow(actor: Actor<AnyStateMachine>): Actor<AnyStateMachine> {
  const snapshot = actor.getSnapshot();
  if (snapshot.status === 'error') throw snapshot.error;
  return actor;
}
