/**
 * Differences between two run reports. Integers (counts, events, bucket times) must be equal;
 * other numbers may differ in their last bits, because the browser's Math.log/exp/pow are not the
 * Node build's (V8 versions differ: measured on Chromium 156 against Node 20, about 7% of Math.log
 * results differ by an ulp). Sums of event times inherit those ulps. A figure the report rounds to
 * six significant digits may then round the other way, so one unit in the sixth digit is allowed.
 */
export interface ReportComparison {
  /** Paths whose values differ beyond rounding noise, with both values. */
  mismatches: string[];
  /** Numbers that differ only by floating-point noise. */
  noisy: number;
  /** Numbers compared. */
  numbers: number;
}

const RELATIVE_NOISE = 1e-9;

const isSixDigits = (x: number) => Number(x.toPrecision(6)) === x;

function closeEnough(a: number, b: number): boolean {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= RELATIVE_NOISE * scale) return true;
  if (isSixDigits(a) && isSixDigits(b)) {
    const unit = 10 ** (Math.floor(Math.log10(scale)) - 5);
    return Math.abs(a - b) <= unit * 1.000001;
  }
  return false;
}

export function compareReports(
  actual: unknown,
  expected: unknown,
  ignore: readonly string[] = ['wallMs'],
): ReportComparison {
  const result: ReportComparison = { mismatches: [], noisy: 0, numbers: 0 };
  const walk = (a: unknown, b: unknown, path: string) => {
    if (typeof a === 'number' && typeof b === 'number') {
      result.numbers++;
      if (a === b) return;
      if (!Number.isInteger(a) || !Number.isInteger(b)) {
        if (closeEnough(a, b)) {
          result.noisy++;
          return;
        }
      }
      result.mismatches.push(`${path}: ${a} != ${b}`);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length)
        result.mismatches.push(`${path}: length ${a.length} != ${b.length}`);
      a.forEach((v, i) => walk(v, b[i], `${path}[${i}]`));
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const keysA = Object.keys(a).filter((k) => !ignore.includes(k));
      const keysB = Object.keys(b).filter((k) => !ignore.includes(k));
      if (keysA.join() !== keysB.join()) {
        result.mismatches.push(`${path}: keys ${keysA.join()} != ${keysB.join()}`);
      }
      for (const k of keysA) {
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      }
      return;
    }
    if (a !== b) result.mismatches.push(`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  };
  walk(actual, expected, '$');
  return result;
}
