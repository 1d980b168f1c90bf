/**
 * Argument reduction x -> (n, y0 + y1) with x = n*pi/2 + y0 + y1 and |y0 + y1| <= ~pi/4, ported
 * line by line from fdlibm (Sun Microsystems, 1993: "Permission to use, copy, modify, and
 * distribute this software is freely granted, provided that this notice is preserved"), as kept
 * in FreeBSD's lib/msun/src:
 *   remPio2       <- e_rem_pio2.c (@(#)e_rem_pio2.c 1.4 95/01/18, optimised by Bruce D. Evans):
 *                    Cody-Waite with pi/2 in three 33-bit pieces for |x| < 2^20 * pi/2;
 *   kernelRemPio2 <- k_rem_pio2.c (@(#)k_rem_pio2.c 1.3 95/01/18), Payne-Hanek with 2/pi to
 *                    1584 bits, for every larger finite x (double precision only: prec = 1).
 * Exact for every finite double, so sin and cos need no range restriction. Allocation-free:
 * the work arrays are module-level.
 */
import { fromWords, highWord, lowWord } from './words';

const TWO24 = fromWords(0x41700000, 0); // 1.67772160000000000000e+07
const TWON24 = fromWords(0x3e700000, 0); // 5.96046447753906250000e-08
const INVPIO2 = fromWords(0x3fe45f30, 0x6dc9c883); // 53 bits of 2/pi
const PIO2_1 = fromWords(0x3ff921fb, 0x54400000); // first 33 bits of pi/2
const PIO2_1T = fromWords(0x3dd0b461, 0x1a626331); // pi/2 - PIO2_1
const PIO2_2 = fromWords(0x3dd0b461, 0x1a600000); // second 33 bits of pi/2
const PIO2_2T = fromWords(0x3ba3198a, 0x2e037073); // pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = fromWords(0x3ba3198a, 0x2e000000); // third 33 bits of pi/2
const PIO2_3T = fromWords(0x397b839a, 0x252049c1); // pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)
/** 1.5 * 2^52: adding and subtracting it rounds a double of magnitude < 2^51 to an integer. */
const RINT_SHIFT = fromWords(0x43380000, 0);

/**
 * Reduces `x` modulo pi/2: returns n (only n & 3 matters to callers) and writes the remainder
 * as y[0] + y[1]. Callers handle |x| <= pi/4 themselves; inf and NaN give y = NaN, n = 0.
 */
export function remPio2(x: number, y: Float64Array): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  let z: number;
  if (ix <= 0x400f6a7a) {
    // |x| ~<= 5pi/4
    if ((ix & 0xfffff) === 0x921fb) return medium(x, ix, y); // |x| ~= pi/2 or 2pi/2: cancellation
    if (ix <= 0x4002d97c) {
      // |x| ~<= 3pi/4
      if (hx > 0) {
        z = x - PIO2_1; // one round good to 85 bits
        y[0] = z - PIO2_1T;
        y[1] = z - y[0]! - PIO2_1T;
        return 1;
      }
      z = x + PIO2_1;
      y[0] = z + PIO2_1T;
      y[1] = z - y[0]! + PIO2_1T;
      return -1;
    }
    if (hx > 0) {
      z = x - 2 * PIO2_1;
      y[0] = z - 2 * PIO2_1T;
      y[1] = z - y[0]! - 2 * PIO2_1T;
      return 2;
    }
    z = x + 2 * PIO2_1;
    y[0] = z + 2 * PIO2_1T;
    y[1] = z - y[0]! + 2 * PIO2_1T;
    return -2;
  }
  if (ix <= 0x401c463b) {
    // |x| ~<= 9pi/4
    if (ix <= 0x4015fdbc) {
      // |x| ~<= 7pi/4
      if (ix === 0x4012d97c) return medium(x, ix, y); // |x| ~= 3pi/2
      if (hx > 0) {
        z = x - 3 * PIO2_1;
        y[0] = z - 3 * PIO2_1T;
        y[1] = z - y[0]! - 3 * PIO2_1T;
        return 3;
      }
      z = x + 3 * PIO2_1;
      y[0] = z + 3 * PIO2_1T;
      y[1] = z - y[0]! + 3 * PIO2_1T;
      return -3;
    }
    if (ix === 0x401921fb) return medium(x, ix, y); // |x| ~= 4pi/2
    if (hx > 0) {
      z = x - 4 * PIO2_1;
      y[0] = z - 4 * PIO2_1T;
      y[1] = z - y[0]! - 4 * PIO2_1T;
      return 4;
    }
    z = x + 4 * PIO2_1;
    y[0] = z + 4 * PIO2_1T;
    y[1] = z - y[0]! + 4 * PIO2_1T;
    return -4;
  }
  if (ix < 0x413921fb) return medium(x, ix, y); // |x| ~< 2^20 * (pi/2)

  // All other (large) arguments.
  if (ix >= 0x7ff00000) {
    // inf or NaN
    y[0] = y[1] = x - x;
    return 0;
  }
  // z = scalbn(|x|, ilogb(x) - 23), cut into three 24-bit pieces.
  const e0 = (ix >> 20) - 1046; // ilogb(z) - 23
  z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0; // z < 2^24: the truncation is exact
    z = (z - tx[i]!) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--; // skip zero terms
  const n = kernelRemPio2(tx, ty, e0, nx);
  if (hx < 0) {
    y[0] = -ty[0]!;
    y[1] = -ty[1]!;
    return -n;
  }
  y[0] = ty[0]!;
  y[1] = ty[1]!;
  return n;
}

/** e_rem_pio2.c's `medium:` block: |x| < 2^20 * pi/2, or near a multiple of pi/2 below 9pi/4. */
function medium(x: number, ix: number, y: Float64Array): number {
  // A specialised rint(): round-to-nearest is the only rounding mode JavaScript has.
  let fn = x * INVPIO2 + RINT_SHIFT;
  fn = fn - RINT_SHIFT;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T; // 1st round, good to 85 bits
  const j = ix >> 20;
  y[0] = r - w;
  let i = j - ((highWord(y[0]!) >> 20) & 0x7ff);
  if (i > 16) {
    // 2nd iteration needed, good to 118 bits
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y[0] = r - w;
    i = j - ((highWord(y[0]!) >> 20) & 0x7ff);
    if (i > 49) {
      // 3rd iteration needed, 151 bits: covers all possible cases
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y[0] = r - w;
    }
  }
  y[1] = r - y[0]! - w;
  return n;
}

const tx = new Float64Array(3);
const ty = new Float64Array(2);

// ---- k_rem_pio2.c ------------------------------------------------------------------------

/**
 * 2/pi in 24-bit chunks: ipio2[i] * 2^(-24(i+1)) is bits 24i .. 24i+23 after the binary point.
 * 66 entries suffice for double precision (the table needs (e0-3)/24 + jk terms, e0 <= 1000).
 */
const IPIO2 = new Int32Array([
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
  0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
  0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
  0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3,
  0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca,
  0x73a8c9, 0x60e27b, 0xc08c6b,
]);

/** pi/2 cut into 24-bit chunks. */
const PIO2 = new Float64Array([
  fromWords(0x3ff921fb, 0x40000000), // 1.57079625129699707031e+00
  fromWords(0x3e74442d, 0x00000000), // 7.54978941586159635335e-08
  fromWords(0x3cf84698, 0x80000000), // 5.39030252995776476554e-15
  fromWords(0x3b78cc51, 0x60000000), // 3.28200341580791294123e-22
  fromWords(0x39f01b83, 0x80000000), // 1.27065575308067607349e-29
  fromWords(0x387a2520, 0x40000000), // 1.22933308981111328932e-36
  fromWords(0x36e38222, 0x80000000), // 2.73370053816464559624e-44
  fromWords(0x3569f31d, 0x00000000), // 2.16741683877804819444e-51
]);

const JK = 4; // init_jk[prec = 1]: terms of ipio2 needed initially, two more than expected
const JP = JK;
const f = new Float64Array(20);
const fq = new Float64Array(20);
const q = new Float64Array(20);
const iq = new Int32Array(20);

/** x * 2^n for the exact powers of two this kernel needs (results are normal doubles). */
function times2ToThe(x: number, n: number): number {
  // 2^n built from bits in at most two exact factors, |n| < 2044 here.
  if (n > 1023) return x * fromWords(0x7fe00000, 0) * fromWords((0x3ff + n - 1023) << 20, 0);
  if (n < -1022) return x * fromWords(0x00100000, 0) * fromWords((0x3ff + n + 1022) << 20, 0);
  return x * fromWords((0x3ff + n) << 20, 0);
}

/**
 * __kernel_rem_pio2 for double precision: x[0..nx-1] are 24-bit pieces of |x| (x[0] scaled by
 * 2^e0); writes the remainder to y[0] + y[1] and returns the last three bits of N.
 */
function kernelRemPio2(x: Float64Array, y: Float64Array, e0: number, nx: number): number {
  let i: number;
  let j: number;
  let k: number;
  let fw: number;
  let z: number;

  // determine jx, jv, q0; note that 3 > q0
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0; // C integer division truncates toward zero
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // set up f[0] to f[jx+jk] where f[jx+jk] = ipio2[jv+jk]
  j = jv - jx;
  const m = jx + JK;
  for (i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : IPIO2[j]!;

  // compute q[0], q[1], ... q[jk]
  for (i = 0; i <= JK; i++) {
    for (j = 0, fw = 0.0; j <= jx; j++) fw += x[j]! * f[jx + i - j]!;
    q[i] = fw;
  }

  let jz = JK;
  let n: number;
  let ih: number;
  for (;;) {
    // recompute: distill q[] into iq[] reversingly
    for (i = 0, j = jz, z = q[jz]!; j > 0; i++, j--) {
      fw = (TWON24 * z) | 0;
      iq[i] = (z - TWO24 * fw) | 0;
      z = q[j - 1]! + fw;
    }

    // compute n
    z = times2ToThe(z, q0); // actual value of z
    z -= 8.0 * Math.floor(z * 0.125); // trim off integer >= 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // need iq[jz-1] to determine n
      i = iq[jz - 1]! >> (24 - q0);
      n += i;
      iq[jz - 1] = iq[jz - 1]! - (i << (24 - q0));
      ih = iq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) ih = iq[jz - 1]! >> 23;
    else if (z >= 0.5) ih = 2;

    if (ih > 0) {
      // q > 0.5
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) {
        // compute 1-q
        j = iq[i]!;
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else iq[i] = 0xffffff - j;
      }
      if (q0 > 0) {
        // rare case: chance is 1 in 12
        if (q0 === 1) iq[jz - 1] = iq[jz - 1]! & 0x7fffff;
        else if (q0 === 2) iq[jz - 1] = iq[jz - 1]! & 0x3fffff;
      }
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= times2ToThe(1, q0);
      }
    }

    // check if recomputation is needed
    if (z === 0) {
      j = 0;
      for (i = jz - 1; i >= JK; i--) j |= iq[i]!;
      if (j === 0) {
        // need recomputation
        for (k = 1; iq[JK - k] === 0; k++); // k = no. of terms needed
        for (i = jz + 1; i <= jz + k; i++) {
          // add q[jz+1] to q[jz+k]
          f[jx + i] = IPIO2[jv + i]!;
          for (j = 0, fw = 0.0; j <= jx; j++) fw += x[j]! * f[jx + i - j]!;
          q[i] = fw;
        }
        jz += k;
        continue;
      }
    }
    break;
  }

  // chop off zero terms
  if (z === 0.0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    // break z into 24-bit pieces if necessary
    z = times2ToThe(z, -q0);
    if (z >= TWO24) {
      fw = (TWON24 * z) | 0;
      iq[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else iq[jz] = z | 0;
  }

  // convert the integer "bit" chunks to floating-point values
  fw = times2ToThe(1, q0);
  for (i = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= TWON24;
  }

  // compute PIo2[0,...,jp]*q[jz,...,0]
  for (i = jz; i >= 0; i--) {
    for (fw = 0.0, k = 0; k <= JP && k <= jz - i; k++) fw += PIO2[k]! * q[i + k]!;
    fq[jz - i] = fw;
  }

  // compress fq[] into y[] (prec = 1)
  fw = 0.0;
  for (i = jz; i >= 0; i--) fw += fq[i]!;
  y[0] = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (i = 1; i <= jz; i++) fw += fq[i]!;
  y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}
