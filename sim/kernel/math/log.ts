/**
 * Natural and decimal logarithms, ported line by line from fdlibm (Sun Microsystems, 1993:
 * "Permission to use, copy, modify, and distribute this software is freely granted, provided
 * that this notice is preserved"), as kept in FreeBSD's lib/msun/src:
 *   log   <- e_log.c   (@(#)e_log.c 1.3 95/01/18)
 *   log1p <- s_log1p.c (@(#)s_log1p.c 5.1 93/09/24)
 *   log10 <- e_log10.c (@(#)e_log10.c 1.3 95/01/18, the original fdlibm method)
 * Only + - * /, comparisons and exact bit manipulation are used, so the result is the same
 * double on every IEEE-754 engine. Error < 1 ulp (fdlibm's own analysis).
 */
import { fromWords, highWord, lowWord, withHighWord } from './words';

const LN2_HI = fromWords(0x3fe62e42, 0xfee00000); // 6.93147180369123816490e-01
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76); // 1.90821492927058770002e-10
const TWO54 = fromWords(0x43500000, 0); // 1.80143985094819840000e+16
const LG1 = fromWords(0x3fe55555, 0x55555593); // 6.666666666666735130e-01
const LG2 = fromWords(0x3fd99999, 0x9997fa04); // 3.999999999940941908e-01
const LG3 = fromWords(0x3fd24924, 0x94229359); // 2.857142874366239149e-01
const LG4 = fromWords(0x3fcc71c5, 0x1d8e78af); // 2.222219843214978396e-01
const LG5 = fromWords(0x3fc74664, 0x96cb03de); // 1.818357216161805012e-01
const LG6 = fromWords(0x3fc39a09, 0xd078c69f); // 1.531383769920937332e-01
const LG7 = fromWords(0x3fc2f112, 0xdf3e5244); // 1.479819860511658591e-01

/**
 * ln(x) (e_log.c). x = 2^k (1+f) with sqrt(2)/2 < 1+f < sqrt(2); with s = f/(2+f),
 * ln(1+f) = 2s + s*R(s^2), R a degree-14 Remez polynomial; ln2 is split in two so that
 * k*LN2_HI is exact.
 */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022 (the low word is only needed here: read it here)
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity; // log(+-0) = -inf
    if (hx < 0) return NaN; // log(-#) = NaN
    k -= 54;
    x *= TWO54; // subnormal: scale up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const r = f * f * (0.5 - 0.3333333333333333 * f); // C: 0.33333333333333333, same double
    if (k === 0) return f - r;
    return k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

/**
 * ln(1 + x), accurate for tiny x (s_log1p.c). Same polynomial as log; when 1+x is not exact a
 * correction c/u restores what rounding 1+x lost.
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) {
    // 1+x < sqrt(2)+
    if (ax >= 0x3ff00000) {
      // x <= -1.0
      if (x === -1.0) return -Infinity; // log1p(-1) = -inf
      return NaN; // log1p(x < -1) = NaN
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // sqrt(2)/2- <= 1+x < sqrt(2)+
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      // u ~< sqrt(2)
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const r = hfsq * (1.0 - 0.6666666666666666 * f); // C: 0.66666666666666666, same double
    if (k === 0) return f - r;
    return k * LN2_HI - (r - (k * LN2_LO + c) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}

const IVLN10 = fromWords(0x3fdbcb7b, 0x1526e50e); // 4.34294481903251816668e-01
const LOG10_2HI = fromWords(0x3fd34413, 0x509f6000); // 3.01029995663611771306e-01
const LOG10_2LO = fromWords(0x3d59fef3, 0x11f12b36); // 3.69423907715893078616e-13

/**
 * log10(x) (the original fdlibm e_log10.c): n = ilogb(x) (plus one when negative),
 * log10(x) = n*LOG10_2HI + (n*LOG10_2LO + IVLN10*ln(x/2^n)). Gives log10(10^n) = n exactly
 * for every normal 10^n, which is what a "round to a power of ten" caller relies on.
 */
export function log10(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  const i = (k >>> 31) & 1;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  x = withHighWord(x, hx);
  const z = y * LOG10_2LO + IVLN10 * log(x);
  return z + y * LOG10_2HI;
}
