/**
 * Transcendental functions that give the same bits in every JavaScript engine.
 *
 * Why: ECMAScript specifies +, -, *, /, Math.sqrt, Math.fround, rounding and integer operations
 * exactly (IEEE 754 round-to-nearest), but leaves Math.log, Math.exp, Math.pow (and **),
 * Math.sin, Math.cos, ... "implementation-approximated". V8 has changed its libm between
 * versions: Chromium 156 and Node 20 disagree in the last bit for 7-10% of arguments of
 * log/exp/pow, which made a run exported from the browser differ from the CLI's for the same
 * scenario and seed. The simulator therefore uses these instead (eslint.config.js forbids the
 * Math ones in sim/).
 *
 * How: line-by-line ports of fdlibm (Sun's freely distributable libm, the code V8 itself
 * descends from; FreeBSD's lib/msun keeps it), using only IEEE-exact operations and bit access
 * through one typed-array scratch buffer. Accuracy is fdlibm's: under 1 ulp, so within 1 ulp of
 * any other faithful libm (tests/sim/kernel/portableMath.test.ts checks against Node's).
 * All functions are allocation-free; they cost 2-5x Math.* per call (tens of ns), which does not
 * show in a whole run.
 *
 * Measured: log, log1p, log10, exp, expm1, sin and cos give Node 20's Math.* bit for bit (so
 * the CLI's results did not move); pow differs from Node 20's Math.pow by 1 ulp on ~4% of
 * arguments (Node's Math.pow matches neither fdlibm's nor glibc's), so a figure computed with pow
 * may have moved in its last bit when the simulator switched over (no preset's CLI output did).
 * Chromium 156 gives the same bits as Node for all of them.
 *
 *   log, log1p, log10   sim/kernel/math/log.ts      (e_log.c, s_log1p.c, e_log10.c)
 *   exp, expm1          sim/kernel/math/exp.ts      (e_exp.c, s_expm1.c)
 *   pow                 sim/kernel/math/pow.ts      (e_pow.c, s_scalbn.c; ECMAScript's special cases)
 *   sin, cos            sim/kernel/math/trig.ts     (s_sin.c, s_cos.c, k_sin.c, k_cos.c)
 *                       sim/kernel/math/remPio2.ts  (e_rem_pio2.c, k_rem_pio2.c: exact reduction
 *                                                    for every finite argument, no range limit)
 */
import { pow } from './math/pow';
import { fromWords } from './math/words';

export { exp, expm1 } from './math/exp';
export { log, log10, log1p } from './math/log';
export { pow } from './math/pow';
export { cos, sin } from './math/trig';

/**
 * 2^n, exact for every integer n (built from the bits: 0 below 2^-1074, Infinity above 2^1023);
 * other n go to pow(2, n). Replaces `2 ** n`, which ECMAScript does not require to be exact.
 */
export function pow2(n: number): number {
  if (!Number.isInteger(n)) return pow(2, n);
  if (n > 1023) return Infinity;
  if (n >= -1022) return fromWords((n + 1023) << 20, 0); // normal: biased exponent n + 1023
  // Subnormal: 2^n = 2^(n + 1074) * 2^-1074, one mantissa bit set.
  if (n >= -1042) return fromWords(1 << (n + 1042), 0); // the bit is in the high word
  if (n >= -1074) return fromWords(0, (1 << (n + 1074)) >>> 0); // the bit is in the low word
  return 0;
}
