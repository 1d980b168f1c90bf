/** Collects the rows of a MachineTable (see table.ts) and packs them into typed arrays. */
export class RowBuilder {
  private readonly guard: number[] = [];
  private readonly target: number[] = [];
  private readonly opsStart: number[] = [];
  private readonly changes: number[] = [];
  private readonly transition: string[] = [];
  private readonly ops: number[] = [];

  get count(): number {
    return this.guard.length;
  }

  add(guard: number, target: number, ops: readonly number[], changes: boolean, key: string) {
    this.guard.push(guard);
    this.target.push(target);
    this.opsStart.push(this.ops.length);
    this.ops.push(...ops);
    this.changes.push(changes ? 1 : 0);
    this.transition.push(key);
  }

  arrays() {
    return {
      rowGuard: Int32Array.from(this.guard),
      rowTarget: Int32Array.from(this.target),
      rowOps: Int32Array.from([...this.opsStart, this.ops.length]),
      rowChanges: Uint8Array.from(this.changes),
      rowTransition: [...this.transition],
      ops: Int32Array.from(this.ops),
    };
  }
}
