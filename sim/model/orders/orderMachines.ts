import type { Kernel } from '../../kernel/kernel';
import { actorPool } from '../../machines/compiled/actorPool';
import { compiledPool } from '../../machines/compiled/compiledPool';
import type { MachinePool } from '../../machines/compiled/machinePool';
import {
  idempotencyKeyMachine,
  type IdempotencyKeyEvent,
  type IdempotencyKeyInput,
  type Refusal,
  type ReplayResponse,
} from '../../machines/idempotencyKey.machine';
import {
  SAGA_STEPS,
  orderSagaMachine,
  type ClientRejection,
  type Escalation,
  type OrderSagaEvent,
  type OrderSagaInput,
  type StepRequest,
} from '../../machines/orderSaga.machine';

export type MachineEngine = 'compiled' | 'xstate';

/** What the flow does with the machines' intents (sim/machines/README.md: the contract). */
export interface OrderIntents {
  /** A saga step's attempt: make the call. `step` is its index in SAGA_STEPS. */
  step(step: number, request: StepRequest): void;
  acknowledgeClient(orderId: number): void;
  rejectClient(rejection: ClientRejection): void;
  escalate(escalation: Escalation): void;
  processRequest(): void;
  replayResponse(replay: ReplayResponse): void;
  refuse(refusal: Refusal): void;
  purgeKey(key: string): void;
}

export interface OrderMachines {
  readonly sagas: MachinePool<OrderSagaInput, OrderSagaEvent>;
  readonly keys: MachinePool<IdempotencyKeyInput, IdempotencyKeyEvent>;
}

type Intent = (args: unknown, params: never) => void;

/**
 * The two machines, provided once per flow with actions that hand each intent to `intents`, in
 * one pool each. Both engines run the same provided machines and give the same run for the
 * same seed (tests/sim/machines/compiled*.test.ts prove the engines equivalent).
 */
export function orderMachines(
  engine: MachineEngine,
  kernel: Kernel,
  intents: OrderIntents,
  onSagaDone: (instance: number) => void,
): OrderMachines {
  const sagaActions: Record<string, Intent> = {
    acknowledgeClient: (_, p: { orderId: number }) => intents.acknowledgeClient(p.orderId),
    rejectClient: (_, p: ClientRejection) => intents.rejectClient(p),
    escalateToOperator: (_, p: Escalation) => intents.escalate(p),
  };
  SAGA_STEPS.forEach((step, s) => {
    sagaActions[step] = (_, p: StepRequest) => intents.step(s, p);
  });
  const keyActions: Record<string, Intent> = {
    processRequest: () => intents.processRequest(),
    replayResponse: (_, p: ReplayResponse) => intents.replayResponse(p),
    refuseConcurrentRequest: (_, p: Refusal) => intents.refuse(p),
    refuseMismatchedParams: (_, p: Refusal) => intents.refuse(p),
    purgeKey: (_, p: { key: string }) => intents.purgeKey(p.key),
  };
  const sagaMachine = orderSagaMachine.provide({ actions: sagaActions });
  const keyMachine = idempotencyKeyMachine.provide({ actions: keyActions });
  const pool = engine === 'compiled' ? compiledPool : actorPool;
  return {
    sagas: pool(sagaMachine, { kernel, onDone: onSagaDone }),
    keys: pool(keyMachine, { kernel }),
  };
}
