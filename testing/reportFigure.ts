/**
 * A figure of a run report by its dotted path ('sources.customers.latency.p99'). Ids may hold dots
 * themselves, so each step takes the longest run of segments that names a key. A figure is a
 * number or null (no samples); anything else is an error that says what the path reaches.
 */
export function readFigure(report: unknown, path: string): number | null {
  const segments = path.split('.');
  let node: unknown = report;
  let walked = '';
  for (let i = 0; i < segments.length;) {
    if (node === null || typeof node !== 'object') {
      throw new Error(`figure "${path}": "${walked}" is a value, not a section`);
    }
    const record = node as Record<string, unknown>;
    let taken = 0;
    for (let j = segments.length; j > i; j--) {
      if (Object.hasOwn(record, segments.slice(i, j).join('.'))) {
        taken = j - i;
        break;
      }
    }
    if (taken === 0) {
      const here = walked === '' ? 'the report' : `"${walked}"`;
      throw new Error(
        `figure "${path}": no "${segments[i]}" in ${here}; it has ${Object.keys(record).join(', ')}`,
      );
    }
    const key = segments.slice(i, i + taken).join('.');
    node = record[key];
    walked = walked === '' ? key : `${walked}.${key}`;
    i += taken;
  }
  if (node === null || typeof node === 'number') return node;
  throw new Error(`figure "${path}" is no number but ${JSON.stringify(node).slice(0, 120)}`);
}
