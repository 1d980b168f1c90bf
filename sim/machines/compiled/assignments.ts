import type { ContextStore } from './contextStore';
import type { ImplementationArgs } from './guards';
import type { AssignAction, CompiledAction, Implementation } from './table';

/**
 * Runs a table's `assign(...)` actions against a ContextStore, with XState's semantics
 * (resolveAssign): every field's new value is computed from the context before the action, then
 * all are written; the next action sees them. Field names are resolved to columns once, when the
 * first context fixes the columns.
 */
export class Assignments {
  private columns: Int32Array[] = [];
  private readonly scratch: unknown[] = [];

  constructor(
    private readonly store: ContextStore,
    private readonly actions: readonly CompiledAction[],
  ) {}

  /** Fixes the store's columns from the first context and resolves every assignment's fields. */
  layOut(context: Readonly<Record<string, unknown>>): void {
    this.store.layOut(context);
    this.columns = this.actions.map((action) =>
      action.kind === 'assign'
        ? Int32Array.from(action.fields, (field) => this.columnOf(action, field))
        : new Int32Array(0),
    );
  }

  /** Action `a` (an assign) on instance `i`, whose context `args.context` shows. */
  run(i: number, a: number, action: AssignAction, args: ImplementationArgs, params: unknown): void {
    const store = this.store;
    if (action.assigner !== undefined) {
      const partial = action.assigner(args, params) as Record<string, unknown>;
      for (const field in partial) store.write(this.columnOf(action, field), i, partial[field]);
      return;
    }
    const columns = this.columns[a]!;
    const values = action.values;
    const computed = action.computed;
    const scratch = this.scratch;
    const n = columns.length;
    for (let j = 0; j < n; j++) {
      scratch[j] = computed[j] ? (values[j] as Implementation)(args, params) : values[j];
    }
    for (let j = 0; j < n; j++) store.write(columns[j]!, i, scratch[j]);
  }

  private columnOf(action: AssignAction, field: string): number {
    const k = this.store.column(field);
    if (k < 0) {
      // XState would add the field; a column store cannot, so the context must declare it.
      throw new Error(`${action.name} assigns context.${field}, which the context does not have`);
    }
    return k;
  }
}
