/**
 * A machine uses an XState feature the compiled interpreter does not reproduce. Thrown by the
 * compiler, never at run time: a machine either compiles to the same behaviour as XState or
 * does not compile.
 */
export class UnsupportedFeatureError extends Error {
  constructor(
    /** The feature, as XState names it: `parallel state`, `invoke`, `action xstate.raise`, ... */
    readonly feature: string,
    /** Where in the machine: a state node id, or `<state> on <event>`. */
    readonly where: string,
    hint?: string,
  ) {
    super(
      `cannot compile ${where}: ${feature} is not supported by the compiled interpreter` +
        (hint ? ` (${hint})` : ''),
    );
    this.name = 'UnsupportedFeatureError';
  }
}
