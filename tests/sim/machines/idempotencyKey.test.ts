import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { Kernel } from '../../../sim/kernel/kernel';
import {
  BRANDUR_LOCK_TIMEOUT_MS,
  DEFAULT_IDEMPOTENCY_KEY_CONFIG,
  STRIPE_RETENTION_MS,
  idempotencyKeyMachine,
  type IdempotencyKeyConfig,
  type IdempotencyKeyEvent,
} from '../../../sim/machines/idempotencyKey.machine';
import { KernelClock } from '../../../sim/machines/kernelClock';
import {
  Coverage,
  MachineRunner,
  definedStates,
  definedTransitions,
  graphSize,
  edgeCoveringPaths,
  expectSame,
  replay,
  timerEvents,
  withTimers,
  type Effect,
  type PathStep,
} from './modelPaths';
import { KEY, KEY_INTENTS, expectedKeyStep, keyEvents, keyView } from './idempotencyKeySpec';

const STRIPE: IdempotencyKeyConfig = DEFAULT_IDEMPOTENCY_KEY_CONFIG;
const BRANDUR: IdempotencyKeyConfig = {
  retentionMs: STRIPE_RETENTION_MS,
  lockTimeoutMs: BRANDUR_LOCK_TIMEOUT_MS,
};
const CONFIGS = [STRIPE, BRANDUR] as const;

const setupFor = (config: IdempotencyKeyConfig, coverage?: Coverage) => ({
  machine: idempotencyKeyMachine,
  input: { key: KEY, config },
  intents: KEY_INTENTS,
  expectedDelayMs: (_: AnyMachineSnapshot, type: string) =>
    type.includes('.lockTimeout.') ? config.lockTimeoutMs! : config.retentionMs,
  ...(coverage ? { coverage } : {}),
});

const strip = (effects: readonly Effect[]) => effects.map(({ type, params }) => ({ type, params }));

function checkPath(steps: readonly PathStep[], config: IdempotencyKeyConfig, coverage?: Coverage) {
  const run = replay(steps, setupFor(config, coverage));
  steps.forEach((step, i) => {
    const expected = expectedKeyStep(keyView(run.snapshots[i]!), step.event, config);
    expectSame(keyView(run.snapshots[i + 1]!), expected.next, JSON.stringify(step.event));
    expect(strip(run.effectsPerStep[i]!)).toEqual(expected.effects);
  });
  // Side effects happen only for requests that were let through: never twice for one lock
  // unless a stale lock was taken over.
  const processed = run.effects.filter((e) => e.type === 'processRequest');
  const takeovers = processed.filter(
    (e) => (e.params as { tookOverStaleLock: boolean }).tookOverStaleLock,
  );
  if (config.lockTimeoutMs === null) expect(takeovers).toEqual([]);
  return run;
}

describe('idempotencyKey: model-based, every state and transition', () => {
  it('takes every edge of the reachable graph in both lock modes, agreeing with the reference rules', () => {
    const coverage = new Coverage();
    const sizes: ReturnType<typeof graphSize>[] = [];
    for (const config of CONFIGS) {
      const traversal = { input: { key: KEY, config }, events: keyEvents };
      for (const steps of edgeCoveringPaths(idempotencyKeyMachine, traversal)) {
        checkPath(steps, config, coverage);
      }
      sizes.push(graphSize(idempotencyKeyMachine, traversal));
    }
    // Pinned so a change to the machine that grows (or shrinks) the reachable graph is noticed.
    expect(sizes).toEqual([
      { states: 8, edges: 52, selfLoops: 36 },
      { states: 10, edges: 66, selfLoops: 38 },
    ]);
    expect(coverage.missing(idempotencyKeyMachine)).toEqual({ states: [], transitions: [] });
    // The numbers the report quotes.
    expect(definedStates(idempotencyKeyMachine).size).toBe(9);
    expect(definedTransitions(idempotencyKeyMachine).size).toBe(14);
  });

  it('every simple path keeps the rules (both lock modes)', () => {
    for (const config of CONFIGS) {
      const paths = getSimplePaths(idempotencyKeyMachine as AnyStateMachine, {
        input: { key: KEY, config },
        events: withTimers(keyEvents),
      });
      expect(paths.length).toBeGreaterThan(20);
      for (const path of paths) checkPath(path.steps.slice(1), config);
    }
  });

  it('random long walks, timers included, agree with the reference rules', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONFIGS),
        fc.array(fc.nat(), { minLength: 1, maxLength: 100 }),
        (config, picks) => {
          const runner = new MachineRunner(setupFor(config));
          for (const pick of picks) {
            const options = [...keyEvents(), ...timerEvents(runner.snapshot)];
            const event = options[pick % options.length]!;
            const expected = expectedKeyStep(keyView(runner.snapshot), event, config);
            const effects = runner.apply(event);
            expect(keyView(runner.snapshot)).toEqual(expected.next);
            expect(strip(effects)).toEqual(expected.effects);
          }
          runner.stop();
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});

/** A key on a kernel, with requests sent at given simulated times. */
function keyOnKernel(config: Partial<IdempotencyKeyConfig> = {}) {
  const kernel = new Kernel();
  const log: Effect[] = [];
  const record = (type: string) => (_: unknown, params: unknown) =>
    log.push({ type, params, at: kernel.now });
  const actor = createActor(
    idempotencyKeyMachine.provide({
      actions: Object.fromEntries(KEY_INTENTS.map((name) => [name, record(name)])),
    }),
    { input: { key: KEY, config }, clock: new KernelClock(kernel) },
  );
  actor.start();
  const at = (time: number, event: IdempotencyKeyEvent) =>
    kernel.scheduleAt(time, () => actor.send(event));
  const request = (time: number, fingerprint: string) =>
    at(time, { type: 'request.received', fingerprint });
  return { kernel, actor, log, at, request };
}

describe('idempotencyKey stories (kernel clock)', () => {
  it('Stripe: processed once; a retry replays the stored response, 500 included; other params are refused', () => {
    const k = keyOnKernel();
    k.request(0, 'A');
    k.request(0.1, 'A'); // while in flight: 409
    k.request(0.2, 'B'); // different params while in flight: idempotency_error
    k.at(0.5, { type: 'request.completed', response: { status: 500, body: 'boom' } });
    k.request(1, 'A'); // replay the 500
    k.request(2, 'B'); // different params after completion: idempotency_error
    k.kernel.runUntil(10);
    expect(k.log.map((e) => [e.type, e.at])).toEqual([
      ['processRequest', 0],
      ['refuseConcurrentRequest', 0.1],
      ['refuseMismatchedParams', 0.2],
      ['replayResponse', 1],
      ['refuseMismatchedParams', 2],
    ]);
    expect(k.log[1]!.params).toMatchObject({ status: 409 });
    expect(k.log[2]!.params).toMatchObject({ status: 400, type: 'idempotency_error' });
    expect(k.log[3]!.params).toEqual({ key: KEY, response: { status: 500, body: 'boom' } });
  });

  it('failed validation stores nothing: a corrected request with the same key is processed', () => {
    const k = keyOnKernel();
    k.request(0, 'A');
    k.at(0.1, { type: 'request.validationFailed' });
    k.request(1, 'B');
    k.kernel.runUntil(10);
    expect(k.log.map((e) => e.type)).toEqual(['processRequest', 'processRequest']);
    expect(k.log[1]!.params).toEqual({ key: KEY, fingerprint: 'B', tookOverStaleLock: false });
  });

  it('the key expires exactly retention after completion; reusing it is a new request', () => {
    const k = keyOnKernel();
    k.request(0, 'A');
    k.at(2, { type: 'request.completed', response: { status: 201, body: 'order:1' } });
    const expiry = 2 + STRIPE_RETENTION_MS / 1000;
    k.request(expiry - 0.5, 'A'); // still stored: replay
    // At the very instant of expiry, kernel order decides: this request was scheduled before
    // the retention timer existed, so it still sees the key...
    k.request(expiry, 'A');
    // ...and this one, scheduled after the timer was set (at 2), comes after the purge.
    k.kernel.scheduleAt(3, () => k.request(expiry, 'B'));
    k.kernel.runUntil(expiry + 1);
    expect(k.log.map((e) => [e.type, e.at])).toEqual([
      ['processRequest', 0],
      ['replayResponse', expiry - 0.5],
      ['replayResponse', expiry],
      ['purgeKey', expiry],
      ['processRequest', expiry],
    ]);
    expect(k.log.at(-1)!.params).toEqual({ key: KEY, fingerprint: 'B', tookOverStaleLock: false });
  });

  it('Stripe mode: a lock never times out (a crashed holder blocks until aborted)', () => {
    const k = keyOnKernel();
    k.request(0, 'A');
    k.request(3600, 'A');
    k.at(3601, { type: 'request.aborted' });
    k.request(3602, 'A');
    k.kernel.runUntil(4000);
    expect(k.log.map((e) => e.type)).toEqual([
      'processRequest',
      'refuseConcurrentRequest',
      'processRequest',
    ]);
    expect(k.kernel.pending).toBe(0); // no lock timer in Stripe mode
  });

  it('Brandur mode: after 90 s the lock is stale and a retry takes it over; the first completion is stored', () => {
    const k = keyOnKernel({ lockTimeoutMs: BRANDUR_LOCK_TIMEOUT_MS });
    k.request(0, 'A');
    k.request(89.5, 'A'); // locked: 409
    k.request(90, 'B'); // different params: refused, stale lock or not
    // Scheduled after the lock timer was set (at 0), so it runs after the lock went stale.
    k.kernel.scheduleAt(1, () => k.request(90, 'A'));
    k.at(100, { type: 'request.completed', response: { status: 201, body: 'first holder' } });
    k.at(101, { type: 'request.completed', response: { status: 201, body: 'second holder' } });
    k.request(102, 'A');
    k.kernel.runUntil(200);
    expect(k.log.map((e) => [e.type, e.at])).toEqual([
      ['processRequest', 0],
      ['refuseConcurrentRequest', 89.5],
      ['refuseMismatchedParams', 90],
      ['processRequest', 90],
      ['replayResponse', 102],
    ]);
    // The hazard the option trades for liveness: the effects ran twice.
    expect(k.log[3]!.params).toMatchObject({ tookOverStaleLock: true });
    expect(k.log[4]!.params).toMatchObject({ response: { body: 'first holder' } });
  });

  it('the lock timer is cancelled when the request ends before it', () => {
    const k = keyOnKernel({ lockTimeoutMs: BRANDUR_LOCK_TIMEOUT_MS });
    k.request(0, 'A');
    k.kernel.runUntil(0);
    expect(k.kernel.pending).toBe(1);
    k.actor.send({ type: 'request.completed', response: { status: 201, body: 'ok' } });
    expect(k.kernel.pending).toBe(1); // only the retention timer now
    expect(k.kernel.nextTime()).toBe(STRIPE_RETENTION_MS / 1000);
  });
});
