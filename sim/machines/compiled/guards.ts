import { UnsupportedFeatureError } from './unsupported';
import { builtinGuard, refName, type GuardRef } from './xstateShapes';

/**
 * What guards, param mappers and actions receive: `{ context, event }` as in XState. The
 * interpreter passes one object per pool, refilled for every event, so `context` is a view of
 * the instance being processed, valid only during the call.
 */
export interface ImplementationArgs {
  context: unknown;
  event: unknown;
}

export type GuardTest = (args: ImplementationArgs) => boolean;

export interface CompiledGuard {
  /** e.g. `and(isReplyTo({"step":"persistOrder"}), isTechnicalFailure)`, for messages and tests. */
  readonly text: string;
  readonly test: GuardTest;
  /** The machine's guard implementations this guard calls (the functions given to `setup`). */
  readonly implementations: readonly unknown[];
}

type Implementation = (args: ImplementationArgs, params: unknown) => unknown;
type ParamsMapper = (args: ImplementationArgs) => unknown;

/**
 * Turns a guard reference into a test that calls the machine's own implementations, with
 * XState's semantics (evaluateGuard): a named guard gets its static params or the params its
 * mapper computes; `and`/`or` short-circuit left to right; a guard defined in `setup` as another
 * guard (a string, an object or an `and(...)`) resolves to that one.
 */
export function compileGuard(
  ref: GuardRef,
  guards: Readonly<Record<string, unknown>>,
  where: string,
): CompiledGuard {
  const implementations: unknown[] = [];
  const build = (g: GuardRef | unknown, depth: number): { text: string; test: GuardTest } => {
    if (depth > 32) throw new Error(`guard at ${where} refers to itself`);
    if (typeof g === 'function') {
      return buildBuiltin(g, depth, () => {
        throw new UnsupportedFeatureError(
          `inline guard function ${refName(g as GuardRef)}`,
          where,
          'name it in setup({ guards })',
        );
      });
    }
    if (typeof g !== 'string' && !(typeof g === 'object' && g !== null && 'type' in g)) {
      throw new Error(`guard at ${where} is neither a name, an object nor a function`);
    }
    const name = typeof g === 'string' ? g : String(g.type);
    const impl = guards[name];
    if (impl === undefined) throw new Error(`guard '${name}' at ${where} is not implemented`);
    if (typeof impl !== 'function') return build(impl, depth + 1);
    const named = (): { text: string; test: GuardTest } => {
      const fn = impl as Implementation;
      implementations.push(impl);
      const params = typeof g === 'string' || !('params' in g) ? undefined : g.params;
      if (typeof params === 'function') {
        const map = params as ParamsMapper;
        return { text: `${name}(mapped)`, test: (a) => fn(a, map(a)) as boolean };
      }
      const text = params === undefined ? name : `${name}(${JSON.stringify(params)})`;
      return { text, test: (a) => fn(a, params) as boolean };
    };
    return buildBuiltin(impl, depth, named);
  };

  const buildBuiltin = (
    fn: unknown,
    depth: number,
    plain: () => { text: string; test: GuardTest },
  ): { text: string; test: GuardTest } => {
    const builtin = builtinGuard(fn);
    if (!builtin) return plain();
    if (!('guards' in builtin)) {
      throw new UnsupportedFeatureError(
        builtin.kind === 'stateIn' ? 'guard stateIn(...)' : 'an unknown built-in guard',
        where,
      );
    }
    const parts = builtin.guards.map((p) => build(p, depth + 1));
    const tests = parts.map((p) => p.test);
    const text = `${builtin.kind}(${parts.map((p) => p.text).join(', ')})`;
    const n = tests.length;
    if (builtin.kind === 'not') {
      const inner = tests[0];
      if (!inner || n !== 1) throw new Error(`not(...) at ${where} takes one guard`);
      return { text, test: (a) => !inner(a) };
    }
    if (builtin.kind === 'and') {
      return {
        text,
        test: (a) => {
          for (let i = 0; i < n; i++) if (!tests[i]!(a)) return false;
          return true;
        },
      };
    }
    return {
      text,
      test: (a) => {
        for (let i = 0; i < n; i++) if (tests[i]!(a)) return true;
        return false;
      },
    };
  };

  const { text, test } = build(ref, 0);
  return { text, test, implementations };
}
