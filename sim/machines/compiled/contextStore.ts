/**
 * Struct-of-arrays storage for the contexts of many instances of one machine: one column per
 * context field, a Float64Array where the field holds numbers (the first context decides), a
 * plain array otherwise (strings, objects, null). Writing a non-number to a numeric field throws.
 *
 * Guards, mappers and assignments written for XState read `context.attempt`; they get `view`, an
 * object whose getters read the columns at `cursor` (the instance being processed). One view
 * serves every instance, so reading a context allocates nothing; the price is that a view read
 * later (after the call returned) shows whichever instance is current then.
 */
export class ContextStore {
  private fields: string[] = [];
  private columnOf = new Map<string, number>();
  private numeric: boolean[] = [];
  private numbers: Float64Array[] = [];
  private objects: unknown[][] = [];
  private capacity: number;
  /** The instance `view` shows. */
  cursor = 0;
  readonly view: Record<string, unknown> = {};
  /** Whether the columns are fixed yet (by the first context stored). */
  laidOut = false;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Fixes the columns from the first context; called once. */
  layOut(sample: Readonly<Record<string, unknown>>): void {
    this.laidOut = true;
    this.fields = Object.keys(sample);
    this.fields.forEach((field, k) => {
      this.columnOf.set(field, k);
      const isNumber = typeof sample[field] === 'number';
      this.numeric.push(isNumber);
      this.numbers.push(new Float64Array(isNumber ? this.capacity : 0));
      this.objects.push(isNumber ? [] : new Array<unknown>(this.capacity).fill(undefined));
      // Two getter bodies, so each reads one kind of array.
      Object.defineProperty(this.view, field, {
        enumerable: true,
        get: isNumber ? () => this.numbers[k]![this.cursor] : () => this.objects[k]![this.cursor],
      });
    });
  }

  /** Column of `field`; -1 when the context has no such field. */
  column(field: string): number {
    return this.columnOf.get(field) ?? -1;
  }

  grow(capacity: number): void {
    this.numbers = this.numbers.map((col, k) => {
      if (!this.numeric[k]) return col;
      const grown = new Float64Array(capacity);
      grown.set(col);
      return grown;
    });
    // Pushing keeps the arrays packed (setting `length` would make them holey, slower to read).
    for (const col of this.objects) {
      if (col.length === 0) continue;
      while (col.length < capacity) col.push(undefined);
    }
    this.capacity = capacity;
  }

  /** Stores a fresh context (from the machine's context factory) for instance `i`. */
  load(i: number, context: Readonly<Record<string, unknown>>): void {
    const fields = this.fields;
    let count = 0;
    for (const field in context) if (field !== undefined) count++;
    for (let k = 0; k < fields.length; k++) {
      const field = fields[k]!;
      const value = context[field];
      if (value === undefined && !(field in context)) count = -1;
      else this.write(k, i, value, field);
    }
    if (count !== fields.length) {
      throw new Error(
        `context fields (${Object.keys(context).join(', ')}) differ from the first context's ` +
          `(${fields.join(', ')})`,
      );
    }
  }

  write(k: number, i: number, value: unknown, field?: string): void {
    if (this.numeric[k]) {
      if (typeof value !== 'number') {
        const name = field ?? this.fields[k];
        throw new TypeError(`context.${name} is numeric, cannot store ${String(value)}`);
      }
      this.numbers[k]![i] = value;
    } else {
      this.objects[k]![i] = value;
    }
  }

  read(k: number, i: number): unknown {
    return this.numeric[k] ? this.numbers[k]![i] : this.objects[k]![i];
  }

  /** A plain copy of instance `i`'s context, fields in the order of the machine's context. */
  copy(i: number): Record<string, unknown> {
    const context: Record<string, unknown> = {};
    this.fields.forEach((field, k) => (context[field] = this.read(k, i)));
    return context;
  }

  /** Drops instance `i`'s references, so a recycled slot keeps nothing alive. */
  clear(i: number): void {
    for (const col of this.objects) if (col.length > 0) col[i] = undefined;
  }
}
