/**
 * Sine and cosine, ported line by line from fdlibm (Sun Microsystems, 1993: "Permission to use,
 * copy, modify, and distribute this software is freely granted, provided that this notice is
 * preserved"), as kept in FreeBSD's lib/msun/src:
 *   sin        <- s_sin.c (@(#)s_sin.c 5.1 93/09/24)
 *   cos        <- s_cos.c (@(#)s_cos.c 5.1 93/09/24)
 *   kernelSin  <- k_sin.c (@(#)k_sin.c 1.3 95/01/18)
 *   kernelCos  <- k_cos.c (@(#)k_cos.c 1.3 95/01/18)
 * and the reduction modulo pi/2 in remPio2.ts (e_rem_pio2.c + k_rem_pio2.c), which is exact
 * for every finite argument. "Nearly rounded" (error < 1 ulp).
 *
 * The kernels are Sun's original fdlibm 5.3 ones (Horner order, k_cos's qx trick), not FreeBSD's
 * later rearrangements of the same polynomials: those are what V8 ported, and with them these
 * functions give Node 20's Math.sin/Math.cos bit for bit (measured on 600,000 arguments), so
 * the CLI's results did not move when the simulator switched over.
 */
import { fromWords, highWord } from './words';
import { remPio2 } from './remPio2';

const S1 = fromWords(0xbfc55555, 0x55555549); // -1.66666666666666324348e-1
const S2 = fromWords(0x3f811111, 0x1110f8a6); // 8.33333333332248946124e-3
const S3 = fromWords(0xbf2a01a0, 0x19c161d5); // -1.98412698298579493134e-4
const S4 = fromWords(0x3ec71de3, 0x57b1fe7d); // 2.75573137070700676789e-6
const S5 = fromWords(0xbe5ae5e6, 0x8a2b9ceb); // -2.50507602534068634195e-8
const S6 = fromWords(0x3de5d93a, 0x5acfd57c); // 1.58969099521155010221e-10

/**
 * sin(x + y) on ~[-pi/4, pi/4], y the tail of x (k_sin.c): a degree-13 odd polynomial
 * (Remez, error < 2^-58) plus the first-order correction for y when `iy` is 1.
 */
function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27 ((int)x == 0 always holds here)
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = fromWords(0x3fa55555, 0x5555554c); // 4.16666666666666019037e-2
const C2 = fromWords(0xbf56c16c, 0x16c15177); // -1.38888888888741095749e-3
const C3 = fromWords(0x3efa01a0, 0x19cb1590); // 2.48015872894767294178e-5
const C4 = fromWords(0xbe927e4f, 0x809c52ad); // -2.75573143513906633035e-7
const C5 = fromWords(0x3e21ee9e, 0xbdb4b1c4); // 2.08757232129817482790e-9
const C6 = fromWords(0xbda8fae9, 0xbe8838d4); // -1.13596475577881948265e-11

/**
 * cos(x + y) on [-pi/4, pi/4], y the tail of x (k_cos.c): 1 - x^2/2 + a degree-14 even
 * polynomial (Remez, error < 2^-58), with cos(x+y) ~ cos(x) - x*y. For |x| >= 0.3,
 * qx = |x|/4 with its low word cleared (0.28125 above 0.78125) is split off:
 * cos(x+y) = (1 - qx) - ((x*x/2 - qx) - (z*r - x*y)), where 1 - qx is exact.
 */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27 ((int)x == 0 always holds here)
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x > 0.78125 ? : x/4
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

/** Remainder of the argument reduction, y[0] + y[1]. */
const reduced = new Float64Array(2);

/** sin(x) for any double: NaN for NaN and +-Infinity. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~<= pi/4
    if (ix < 0x3e400000) return x; // |x| < 2^-27: sin x = x (keeps -0)
    return kernelSin(x, 0, 0);
  }
  if (ix >= 0x7ff00000) return NaN; // sin(Inf or NaN) is NaN
  const n = remPio2(x, reduced);
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, 1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, 1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos(x) for any double: NaN for NaN and +-Infinity. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~<= pi/4
    if (ix < 0x3e400000) return 1; // |x| < 2^-27
    return kernelCos(x, 0);
  }
  if (ix >= 0x7ff00000) return NaN; // cos(Inf or NaN) is NaN
  const n = remPio2(x, reduced);
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, 1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, 1);
  }
}
