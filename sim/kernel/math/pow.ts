/**
 * x^y with ECMAScript's Number::exponentiate special cases, the finite case ported line by line
 * from fdlibm's e_pow.c (@(#)e_pow.c 1.5 04/04/22 SMI, Sun Microsystems: "Permission to use,
 * copy, modify, and distribute this software is freely granted, provided that this notice is
 * preserved"), as kept in FreeBSD's lib/msun/src, with scalbn from s_scalbn.c (5.1 93/09/24).
 *
 * Method: log2(|x|) in two pieces t1 + t2 (t1 with 29 trailing zero bits), y*log2|x| = n + y'
 * in simulated extra precision with |y'| <= 0.5, then 2^n * exp(y' ln2). "Nearly rounded";
 * pow(integer, integer) is exact whenever the result is representable.
 */
import { clearLowWord, fromWords, highWord, lowWord, withHighWord } from './words';

const DP_H1 = fromWords(0x3fe2b803, 0x40000000); // 5.84962487220764160156e-01
const DP_L1 = fromWords(0x3e4cfdeb, 0x43cfd006); // 1.35003920212974897128e-08
const TWO53 = fromWords(0x43400000, 0); // 9007199254740992.0
const HUGE = 1.0e300;
const TINY = 1.0e-300;
// poly coefs for (3/2)*(log(x)-2s-2/3*s**3
const L1 = fromWords(0x3fe33333, 0x33333303); // 5.99999999999994648725e-01
const L2 = fromWords(0x3fdb6db6, 0xdb6fabff); // 4.28571428578550184252e-01
const L3 = fromWords(0x3fd55555, 0x518f264d); // 3.33333329818377432918e-01
const L4 = fromWords(0x3fd17460, 0xa91d4101); // 2.72728123808534006489e-01
const L5 = fromWords(0x3fcd864a, 0x93c9db65); // 2.30660745775561754067e-01
const L6 = fromWords(0x3fca7e28, 0x4a454eef); // 2.06975017800338417784e-01
const P1 = fromWords(0x3fc55555, 0x5555553e); // 1.66666666666666019037e-01
const P2 = fromWords(0xbf66c16c, 0x16bebd93); // -2.77777777770155933842e-03
const P3 = fromWords(0x3f11566a, 0xaf25de2c); // 6.61375632143793436117e-05
const P4 = fromWords(0xbebbbd41, 0xc5d26bf1); // -1.65339022054652515390e-06
const P5 = fromWords(0x3e663769, 0x72bea4d0); // 4.13813679705723846039e-08
const LG2 = fromWords(0x3fe62e42, 0xfefa39ef); // 6.93147180559945286227e-01
const LG2_H = fromWords(0x3fe62e43, 0); // 6.93147182464599609375e-01
const LG2_L = fromWords(0xbe205c61, 0x0ca86c39); // -1.90465429995776804525e-09
const OVT = fromWords(0x3c971547, 0x652b82fe); // 8.0085662595372944372e-17 = -(1024-log2(ovfl+.5ulp))
const CP = fromWords(0x3feec709, 0xdc3a03fd); // 9.61796693925975554329e-01 = 2/(3ln2)
const CP_H = fromWords(0x3feec709, 0xe0000000); // 9.61796700954437255859e-01 = (float)cp
const CP_L = fromWords(0xbe3e2fe0, 0x145b01f5); // -7.02846165095275826516e-09 = tail of cp_h
const IVLN2 = fromWords(0x3ff71547, 0x652b82fe); // 1.44269504088896338700e+00 = 1/ln2
const IVLN2_H = fromWords(0x3ff71547, 0x60000000); // 1.44269502162933349609e+00 = 24b 1/ln2
const IVLN2_L = fromWords(0x3e54ae0b, 0xf85ddf44); // 1.92596299112661746887e-08 = 1/ln2 tail
const THRD = fromWords(0x3fd55555, 0x55555555); // 3.3333333333333331e-01

const TWO54 = fromWords(0x43500000, 0);
const TWOM54 = fromWords(0x3c900000, 0);

/** x * 2^n by exponent manipulation, one rounding at most (s_scalbn.c). */
export function scalbn(x: number, n: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = (hx & 0x7ff00000) >> 20; // exponent
  if (k === 0) {
    // 0 or subnormal x
    if ((lx | (hx & 0x7fffffff)) === 0) return x; // +-0
    x *= TWO54;
    hx = highWord(x);
    k = ((hx & 0x7ff00000) >> 20) - 54;
    if (n < -50000) return TINY * x; // underflow
  }
  if (k === 0x7ff) return x + x; // NaN or Inf
  k = k + n;
  if (k > 0x7fe) return HUGE * (x < 0 ? -HUGE : HUGE); // overflow
  if (k > 0) return withHighWord(x, (hx & 0x800fffff) | (k << 20)); // normal result
  if (k <= -54) {
    if (n > 50000) return HUGE * (x < 0 ? -HUGE : HUGE); // overflow (n + k wrapped in C)
    return TINY * (x < 0 ? -TINY : TINY); // underflow
  }
  k += 54; // subnormal result
  return withHighWord(x, (hx & 0x800fffff) | (k << 20)) * TWOM54;
}

/**
 * base^exponent as ECMAScript's Number::exponentiate defines it (ECMA-262, 6.1.6.1.3): the
 * special cases below are the spec's, which differ from C's pow in two places: a NaN exponent
 * always gives NaN (C: pow(1, NaN) = 1) and (+-1)^(+-Infinity) is NaN (C99: 1). Everything
 * else, finite or not, is fdlibm's __ieee754_pow, whose special cases agree with the spec.
 */
export function pow(x: number, y: number): number {
  // ECMAScript steps 1-2 and 9-10 where they differ from C.
  if (y !== y) return NaN;
  if (y === 0) return 1;
  if ((y === Infinity || y === -Infinity) && (x === 1 || x === -1)) return NaN;
  return ieee754Pow(x, y);
}

function ieee754Pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  // y == zero: x^0 = 1
  if ((iy | ly) === 0) return 1;

  // x == 1: 1^y = 1 (y NaN and y infinite were answered by the caller)
  if (hx === 0x3ff00000 && lx === 0) return 1;

  // y != zero: the result is NaN if either argument is NaN
  if (
    ix > 0x7ff00000 ||
    (ix === 0x7ff00000 && lx !== 0) ||
    iy > 0x7ff00000 ||
    (iy === 0x7ff00000 && ly !== 0)
  ) {
    return x + 0.0 + (y + 0.0);
  }

  // When x < 0, is y an integer, and odd? yisint = 0: not an integer, 1: odd, 2: even.
  let yisint = 0;
  let k: number;
  let j: number;
  if (hx < 0) {
    if (iy >= 0x43400000)
      yisint = 2; // even integer y
    else if (iy >= 0x3ff00000) {
      k = (iy >> 20) - 0x3ff; // exponent
      if (k > 20) {
        j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  // Special values of y.
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y is +-inf (|x| == 1 was answered by the caller)
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // (|x|>1)^+-inf = inf, 0
      return hy < 0 ? -y : 0; // (|x|<1)^-,+inf = inf, 0
    }
    if (iy === 0x3ff00000) {
      // y is +-1
      return hy < 0 ? 1 / x : x;
    }
    if (hy === 0x40000000) return x * x; // y is 2
    if (hy === 0x3fe00000) {
      // y is 0.5
      if (hx >= 0) return Math.sqrt(x); // x >= +0 (sqrt is correctly rounded by IEEE 754)
    }
  }

  let ax = Math.abs(x);
  let z: number;
  // Special values of x.
  if (lx === 0) {
    if (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000) {
      z = ax; // x is +-0, +-inf, +-1
      if (hy < 0) z = 1 / z; // z = (1/|x|)
      if (hx < 0) {
        if (((ix - 0x3ff00000) | yisint) === 0) {
          z = NaN; // (-1)^non-int is NaN
        } else if (yisint === 1) z = -z; // (x<0)^odd = -(|x|^odd)
      }
      return z;
    }
  }

  let n = (hx >>> 31) - 1;

  // (x<0)^(non-int) is NaN
  if ((n | yisint) === 0) return NaN;

  let s = 1; // sign of the result: -1 for (-ve)^(odd int)
  if ((n | (yisint - 1)) === 0) s = -1;

  let t1: number;
  let t2: number;
  let t: number;
  let u: number;
  let v: number;
  let w: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    // over/underflow if x is not close to one
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // now |1-x| is tiny <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4 suffices
    t = ax - 1; // t has 20 trailing zeros
    w = t * t * (0.5 - t * (THRD - t * 0.25));
    u = IVLN2_H * t; // IVLN2_H has 21 significant bits
    v = t * IVLN2_L - w * IVLN2;
    t1 = clearLowWord(u + v);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    // subnormal x
    if (ix < 0x00100000) {
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    j = ix & 0x000fffff;
    // determine the interval
    ix = j | 0x3ff00000; // normalise ix
    if (j <= 0x3988e)
      k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    const bp = k === 0 ? 1.0 : 1.5;
    const dpH = k === 0 ? 0 : DP_H1;
    const dpL = k === 0 ? 0 : DP_L1;

    // ss = s_h + s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5)
    u = ax - bp;
    v = 1 / (ax + bp);
    const ss = u * v;
    const sH = clearLowWord(ss);
    // t_h = ax + bp, high part
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let rr = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    rr += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLowWord(3 + s2 + rr);
    tL = rr - (tH - 3 - s2);
    // u + v = ss*(1+...)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3log2)*(ss+...)
    const logH = clearLowWord(u + v);
    const logL = v - (logH - u);
    const zH = CP_H * logH; // CP_H + CP_L = 2/(3*log2)
    const zL = CP_L * logH + logL * CP + dpL;
    // log2(ax) = (ss+..)*2/(3*log2) = n + dp_h + z_h + z_l
    t = n;
    t1 = clearLowWord(zH + zL + dpH + t);
    t2 = zL - (t1 - t - dpH - zH);
  }

  // Split y into y1 + y2 and compute (y1+y2)*(t1+t2).
  const y1 = clearLowWord(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  z = pL + pH;
  j = highWord(z);
  let i = lowWord(z);
  if (j >= 0x40900000) {
    // z >= 1024
    if (j !== 0x40900000 || i !== 0) return s * HUGE * HUGE; // z > 1024: overflow
    if (pL + OVT > z - pH) return s * HUGE * HUGE; // overflow
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (j !== (0xc090cc00 | 0) || i !== 0) return s * TINY * TINY; // z < -1075: underflow
    if (pL <= z - pH) return s * TINY * TINY; // underflow
  }

  // 2^(pH + pL)
  i = j & 0x7fffffff;
  k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = (j + (0x00100000 >> (k + 1))) | 0;
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  t = clearLowWord(pL + pH);
  u = t * LG2_H;
  v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  w = v - (z - u);
  t = z * z;
  t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * t1) / (t1 - 2) - (w + z * w);
  z = 1 - (r - z);
  j = (highWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0)
    z = scalbn(z, n); // subnormal output
  else z = withHighWord(z, j);
  return s * z;
}
