/**
 * Stacks bars into rows so none overlap: each bar goes to the first row free by its start
 * (greedy interval partitioning, optimal for intervals sorted by start). Returns each bar's row.
 */
export function stackRows(bars: readonly { began: number; ended: number }[], gap = 0): number[] {
  const rowEnds: number[] = [];
  const order = bars.map((b, i) => ({ b, i })).sort((p, q) => p.b.began - q.b.began || p.i - q.i);
  const rows = new Array<number>(bars.length).fill(0);
  for (const { b, i } of order) {
    let row = rowEnds.findIndex((end) => end + gap <= b.began);
    if (row < 0) row = rowEnds.push(0) - 1;
    rowEnds[row] = b.ended;
    rows[i] = row;
  }
  return rows;
}
