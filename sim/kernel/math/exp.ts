/**
 * Exponentials, ported line by line from fdlibm (Sun Microsystems: "Permission to use, copy,
 * modify, and distribute this software is freely granted, provided that this notice is
 * preserved"), as kept in FreeBSD's lib/msun/src:
 *   exp   <- e_exp.c   (@(#)e_exp.c 1.6 04/04/22)
 *   expm1 <- s_expm1.c (@(#)s_expm1.c 5.1 93/09/24)
 * Only + - * /, comparisons, truncation of small doubles to int32 and exact bit manipulation
 * are used, so the result is the same double on every IEEE-754 engine. Error < 1 ulp.
 */
import { fromWords, highWord, lowWord, withHighWord } from './words';

const O_THRESHOLD = fromWords(0x40862e42, 0xfefa39ef); // 7.09782712893383973096e+02
const U_THRESHOLD = fromWords(0xc0874910, 0xd52d3051); // -7.45133219101941108420e+02
const LN2_HI = fromWords(0x3fe62e42, 0xfee00000); // 6.93147180369123816490e-01
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76); // 1.90821492927058770002e-10
const INVLN2 = fromWords(0x3ff71547, 0x652b82fe); // 1.44269504088896338700e+00
const P1 = fromWords(0x3fc55555, 0x5555553e); // 1.66666666666666019037e-01
const P2 = fromWords(0xbf66c16c, 0x16bebd93); // -2.77777777770155933842e-03
const P3 = fromWords(0x3f11566a, 0xaf25de2c); // 6.61375632143793436117e-05
const P4 = fromWords(0xbebbbd41, 0xc5d26bf1); // -1.65339022054652515390e-06
const P5 = fromWords(0x3e663769, 0x72bea4d0); // 4.13813679705723846039e-08
const TWOM1000 = fromWords(0x01700000, 0); // 2^-1000
const TWO1023 = fromWords(0x7fe00000, 0); // 2^1023

/**
 * e^x (e_exp.c). x = k*ln2 + r with |r| <= ln2/2, e^r from a degree-5 rational approximation
 * (Remez, error < 2^-59), then scaled by 2^k built from bits.
 */
export function exp(x: number): number {
  let hi = 0;
  let lo = 0;
  let k = 0;
  let hx = highWord(x);
  const xsb = (hx >>> 31) & 1; // sign bit of x
  hx &= 0x7fffffff; // high word of |x|

  // Non-finite and out-of-range arguments.
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0.0; // exp(+-inf) = {inf, 0}
    }
    if (x > O_THRESHOLD) return Infinity; // overflow (huge*huge)
    if (x < U_THRESHOLD) return 0; // underflow (twom1000*twom1000)
  }

  // Argument reduction.
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INVLN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0; // C's (int) truncation; |k| < 1100
      hi = x - k * LN2_HI; // k*LN2_HI is exact here
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }

  // x is now in the primary range.
  const t = x * x;
  const twopk =
    k >= -1021
      ? fromWords(0x3ff00000 + (k << 20), 0)
      : fromWords(0x3ff00000 + ((k + 1000) << 20), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO1023;
    return y * twopk;
  }
  return y * twopk * TWOM1000;
}

const Q1 = fromWords(0xbfa11111, 0x111110f4); // -3.33333333333331316428e-02
const Q2 = fromWords(0x3f5a01a0, 0x19fe5585); // 1.58730158725481460165e-03
const Q3 = fromWords(0xbf14ce19, 0x9eaadbb7); // -7.93650757867487942473e-05
const Q4 = fromWords(0x3ed0cfca, 0x86e65239); // 4.00821782732936239552e-06
const Q5 = fromWords(0xbe8afdb7, 0x6e09c32d); // -2.01099218183624371326e-07

/**
 * e^x - 1, accurate near 0 (s_expm1.c). Same reduction as exp with a correction term c for the
 * rounding of r, and a rational approximation of expm1(r) (Remez, error < 2^-61).
 */
export function expm1(x: number): number {
  let hx = highWord(x);
  const xsb = hx & 0x80000000; // sign bit of x (0 or -2^31)
  hx &= 0x7fffffff; // high word of |x|

  // Huge and non-finite arguments.
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return xsb === 0 ? x : -1.0; // expm1(+-inf) = {inf, -1}
      }
      if (x > O_THRESHOLD) return Infinity; // overflow
    }
    if (xsb !== 0) return -1.0; // x < -56 ln2 (tiny - one rounds to -1)
  }

  let hi: number;
  let lo: number;
  let k: number;
  let c = 0;
  // Argument reduction.
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INVLN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI; // k*LN2_HI is exact here
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2^-54: expm1(x) = x (also keeps -0)
    return x;
  } else {
    k = 0;
  }

  // x is now in the primary range.
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs); // c is 0
  const twopk = fromWords(0x3ff00000 + (k << 20), 0); // 2^k
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) {
    // suffices to return exp(x) - 1
    y = 1 - (e - x);
    if (k === 1024) y = y * 2.0 * TWO1023;
    else y = y * twopk;
    return y - 1;
  }
  if (k < 20) {
    t = withHighWord(1, 0x3ff00000 - (0x200000 >> k)); // t = 1 - 2^-k
    y = t - (e - x);
    y = y * twopk;
  } else {
    t = withHighWord(1, (0x3ff - k) << 20); // t = 2^-k
    y = x - (e + t);
    y += 1;
    y = y * twopk;
  }
  return y;
}
