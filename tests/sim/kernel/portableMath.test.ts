import { describe, expect, it } from 'vitest';
import {
  cos,
  exp,
  expm1,
  log,
  log10,
  log1p,
  pow,
  pow2,
  sin,
} from '../../../sim/kernel/portableMath';

// ---- helpers ------------------------------------------------------------------------------

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const u64 = new BigUint64Array(f64.buffer);

/** Position of `x` on a line where adjacent doubles are 1 apart (and -0 == +0). */
function ordinal(x: number): bigint {
  f64[0] = x;
  const bits = i64[0]!;
  return bits < 0n ? -(bits & 0x7fff_ffff_ffff_ffffn) : bits;
}

/** Doubles between a and b (0 when equal; NaN only matches NaN). */
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

function bitsOf(x: number): string {
  f64[0] = x;
  return `0x${u64[0]!.toString(16).padStart(16, '0')}`;
}

/** mulberry32: a fixed-seed generator independent of the simulator's own. */
function generator(seed: number) {
  let a = seed >>> 0;
  const u32 = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const bits = new Uint32Array(f64.buffer);
  return {
    /** Uniform on [0, 1). */
    unit: () => (u32() * 2 ** 21 + (u32() >>> 11)) / 2 ** 53,
    /** Any double bit pattern: all magnitudes, subnormals, infinities, NaNs. */
    anyDouble: () => {
      bits[0] = u32();
      bits[1] = u32();
      return f64[0]!;
    },
  };
}

const N = 20_000;

interface Worst {
  count: number;
  max: number;
  at: number[];
}

/** Runs `n` generated arguments through both functions; the largest ulp gap and where it was. */
function compare(
  n: number,
  args: () => number[],
  portable: (...a: number[]) => number,
  reference: (...a: number[]) => number,
): Worst {
  const worst: Worst = { count: 0, max: 0, at: [] };
  for (let i = 0; i < n; i++) {
    const a = args();
    const d = ulpDistance(portable(...a), reference(...a));
    if (d > 0) worst.count++;
    if (d > worst.max) {
      worst.max = d;
      worst.at = a;
    }
  }
  return worst;
}

type Unary = (x: number) => number;

function expectWithinOneUlp(name: string, fn: Unary, ref: Unary, gen: () => number): void {
  const w = compare(N, () => [gen()], fn, ref);
  expect(w.max, `${name}: ${w.count} of ${N} differ, worst at ${w.at}`).toBeLessThanOrEqual(1);
}

/** Same result, -0 and NaN included. */
function expectSame(actual: number, expected: number, what: string): void {
  expect(Object.is(actual, expected), `${what}: got ${actual}, expected ${expected}`).toBe(true);
}

// ---- random arguments against the host's Math -----------------------------------------------

describe('portableMath against Math.* (within 1 ulp)', () => {
  const g = generator(20_240_611);
  const positive = () => Math.abs(g.anyDouble());
  const signedDecades = (lo: number, hi: number) => () =>
    (g.unit() < 0.5 ? -1 : 1) * 10 ** (lo + (hi - lo) * g.unit());
  const uniform = (lo: number, hi: number) => () => lo + (hi - lo) * g.unit();
  const subnormal = () => g.unit() * 2 ** -1022;

  it('log', () => {
    expectWithinOneUlp('log any', log, Math.log, positive);
    expectWithinOneUlp('log (0,1]', log, Math.log, () => 1 - g.unit());
    expectWithinOneUlp('log near 1', log, Math.log, uniform(1 - 1e-6, 1 + 1e-6));
    expectWithinOneUlp('log subnormal', log, Math.log, subnormal);
  });

  it('log1p', () => {
    expectWithinOneUlp('log1p any', log1p, Math.log1p, g.anyDouble);
    expectWithinOneUlp('log1p decades', log1p, Math.log1p, signedDecades(-20, 0));
    expectWithinOneUlp('log1p (-1,1e6)', log1p, Math.log1p, uniform(-1, 1e6));
  });

  it('log10', () => {
    expectWithinOneUlp('log10 any', log10, Math.log10, positive);
    expectWithinOneUlp('log10 subnormal', log10, Math.log10, subnormal);
  });

  it('exp', () => {
    expectWithinOneUlp('exp any', exp, Math.exp, g.anyDouble);
    expectWithinOneUlp('exp [-2,2]', exp, Math.exp, uniform(-2, 2));
    expectWithinOneUlp('exp full range', exp, Math.exp, uniform(-746, 710));
    expectWithinOneUlp('exp near overflow', exp, Math.exp, uniform(700, 709.8));
    expectWithinOneUlp('exp subnormal results', exp, Math.exp, uniform(-745.2, -708));
    expectWithinOneUlp('exp tiny', exp, Math.exp, signedDecades(-20, -5));
  });

  it('expm1', () => {
    expectWithinOneUlp('expm1 any', expm1, Math.expm1, g.anyDouble);
    expectWithinOneUlp('expm1 tiny', expm1, Math.expm1, signedDecades(-20, 0));
    expectWithinOneUlp('expm1 [-50,710]', expm1, Math.expm1, uniform(-50, 710));
  });

  it('sin and cos', () => {
    const boxMuller = uniform(0, 2 * Math.PI);
    const medium = uniform(-1e6, 1e6);
    const huge = signedDecades(6, 308);
    for (const [name, fn, ref] of [
      ['sin', sin, Math.sin],
      ['cos', cos, Math.cos],
    ] as const) {
      expectWithinOneUlp(`${name} [0,2pi)`, fn, ref, boxMuller);
      expectWithinOneUlp(`${name} [-1e6,1e6]`, fn, ref, medium);
      expectWithinOneUlp(`${name} huge`, fn, ref, huge);
      expectWithinOneUlp(`${name} any`, fn, ref, g.anyDouble);
      // Near multiples of pi/2, where the reduction cancels most bits.
      expectWithinOneUlp(
        `${name} k*pi/2`,
        fn,
        ref,
        () => Math.floor(g.unit() * 1e6) * (Math.PI / 2),
      );
    }
  });

  it('pow', () => {
    const cases: [string, () => number[]][] = [
      ['moderate', () => [g.unit() * 100, (g.unit() * 2 - 1) * 20]],
      ['any', () => [g.anyDouble(), g.anyDouble()]],
      ['zipf k^-s', () => [Math.floor(g.unit() * 1e6) + 1, -3 * g.unit()]],
      ['int^int', () => [Math.floor(g.unit() * 41) - 20, Math.floor(g.unit() * 61) - 30]],
      ['negative^int', () => [-10 * g.unit(), Math.floor(g.unit() * 201) - 100]],
      ['near 1, huge y', () => [1 + (g.unit() - 0.5) * 1e-7, (g.unit() * 2 - 1) * 1e10]],
      ['subnormal results', () => [g.unit(), 1100 + 2000 * g.unit()]],
      ['subnormal x', () => [g.unit() * 2 ** -1022, (g.unit() * 2 - 1) * 0.5]],
    ];
    for (const [name, args] of cases) {
      const w = compare(N, args, pow, Math.pow);
      expect(w.max, `pow ${name}: ${w.count} of ${N} differ, worst at ${w.at}`).toBeLessThanOrEqual(
        1,
      );
    }
  });
});

// ---- special values: exactly the same as Math.* ---------------------------------------------

const SPECIAL = [
  NaN,
  0,
  -0,
  Infinity,
  -Infinity,
  1,
  -1,
  0.5,
  -0.5,
  2,
  -2,
  3,
  -3,
  2.5,
  -2.5,
  1 / 3,
  -8,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2 ** 53 + 2, // above 2^53 every double is an even integer
  -(2 ** 53 + 2),
  2 ** 52 + 1, // the largest odd integers
  -(2 ** 52 + 1),
  2 ** 31 + 0.5,
  1 - 2 ** -53,
  1 + 2 ** -52,
];

describe('special values', () => {
  it('log, log1p, log10, exp, expm1, sin, cos agree exactly with Math on edge arguments', () => {
    const args = [
      ...SPECIAL,
      709.782712893384, // last finite exp
      709.7827128933841, // first overflowing
      -745.1332191019411, // last nonzero exp (5e-324)
      -745.1332191019412, // first zero
      -708.3964185322641, // exp near the smallest normal
      -37.42994775023705, // expm1 rounding to -1
      -1 + 2 ** -53,
      Math.PI,
      Math.PI / 2,
      Math.PI / 4,
      2 ** -27,
      -(2 ** -30),
      2 ** -1074,
      2 ** 1023,
      1e22,
    ];
    const fns: [string, Unary, Unary][] = [
      ['log', log, Math.log],
      ['log1p', log1p, Math.log1p],
      ['log10', log10, Math.log10],
      ['exp', exp, Math.exp],
      ['expm1', expm1, Math.expm1],
      ['sin', sin, Math.sin],
      ['cos', cos, Math.cos],
    ];
    for (const [name, fn, ref] of fns) {
      for (const x of args) {
        const expected = ref(x);
        const actual = fn(x);
        // Non-finite, zero and NaN results must be identical; finite ones within 1 ulp.
        if (!Number.isFinite(expected) || expected === 0)
          expectSame(actual, expected, `${name}(${x})`);
        else expect(ulpDistance(actual, expected), `${name}(${x})`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps the C99/IEEE special results', () => {
    expectSame(log(0), -Infinity, 'log(0)');
    expectSame(log(-0), -Infinity, 'log(-0)');
    expectSame(log(-1), NaN, 'log(-1)');
    expectSame(log(1), 0, 'log(1)');
    expectSame(log(Infinity), Infinity, 'log(inf)');
    expectSame(log1p(-1), -Infinity, 'log1p(-1)');
    expectSame(log1p(-0), -0, 'log1p(-0)');
    expectSame(log1p(-1.5), NaN, 'log1p(-1.5)');
    expectSame(exp(-Infinity), 0, 'exp(-inf)');
    expectSame(exp(-0), 1, 'exp(-0)');
    expectSame(exp(1000), Infinity, 'exp(1000)');
    expectSame(exp(-1000), 0, 'exp(-1000)');
    expectSame(expm1(-0), -0, 'expm1(-0)');
    expectSame(expm1(-Infinity), -1, 'expm1(-inf)');
    expectSame(sin(-0), -0, 'sin(-0)');
    expectSame(cos(-0), 1, 'cos(-0)');
    expectSame(sin(Infinity), NaN, 'sin(inf)');
    expectSame(cos(-Infinity), NaN, 'cos(-inf)');
  });

  it('log10 is exact on powers of ten, so rounding to a decade never slips', () => {
    for (let n = -307; n <= 308; n++) expect(log10(Number(`1e${n}`)), `1e${n}`).toBe(n);
  });

  it('pow follows ECMAScript Number::exponentiate, not C, on every special pair', () => {
    for (const x of SPECIAL) {
      for (const y of SPECIAL) {
        const expected = Math.pow(x, y);
        const actual = pow(x, y);
        if (!Number.isFinite(expected) || expected === 0)
          expectSame(actual, expected, `pow(${x}, ${y})`);
        else expect(ulpDistance(actual, expected), `pow(${x}, ${y})`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('pow: the cases where JavaScript and C disagree, and the classic traps', () => {
    expectSame(pow(NaN, 0), 1, 'pow(NaN, 0)');
    expectSame(pow(NaN, -0), 1, 'pow(NaN, -0)');
    expectSame(pow(Infinity, -0), 1, 'pow(inf, -0)');
    expectSame(pow(1, NaN), NaN, 'pow(1, NaN)'); // C: 1
    expectSame(pow(1, Infinity), NaN, 'pow(1, inf)'); // C99: 1
    expectSame(pow(1, -Infinity), NaN, 'pow(1, -inf)');
    expectSame(pow(-1, Infinity), NaN, 'pow(-1, inf)'); // C99: 1
    expectSame(pow(-1, -Infinity), NaN, 'pow(-1, -inf)');
    expectSame(pow(NaN, 1), NaN, 'pow(NaN, 1)');
    expectSame(pow(-8, 1 / 3), NaN, 'pow(-8, 1/3)');
    expectSame(pow(-2, 3), -8, 'pow(-2, 3)');
    expectSame(pow(-2, 2), 4, 'pow(-2, 2)');
    expectSame(pow(-2, -1), -0.5, 'pow(-2, -1)');
    expectSame(pow(-0, 3), -0, 'pow(-0, 3)');
    expectSame(pow(-0, 2), 0, 'pow(-0, 2)');
    expectSame(pow(-0, -3), -Infinity, 'pow(-0, -3)');
    expectSame(pow(-0, -2), Infinity, 'pow(-0, -2)');
    expectSame(pow(-0, 0.5), 0, 'pow(-0, 0.5)');
    expectSame(pow(0, -1), Infinity, 'pow(0, -1)');
    expectSame(pow(-Infinity, 3), -Infinity, 'pow(-inf, 3)');
    expectSame(pow(-Infinity, -3), -0, 'pow(-inf, -3)');
    expectSame(pow(-Infinity, 2), Infinity, 'pow(-inf, 2)');
    expectSame(pow(-Infinity, 0.5), Infinity, 'pow(-inf, 0.5)');
    expectSame(pow(Infinity, -1), 0, 'pow(inf, -1)');
    expectSame(pow(0.5, Infinity), 0, 'pow(0.5, inf)');
    expectSame(pow(0.5, -Infinity), Infinity, 'pow(0.5, -inf)');
    expectSame(pow(-3, Infinity), Infinity, 'pow(-3, inf)');
    expectSame(pow(4, 0.5), 2, 'pow(4, 0.5)');
    expectSame(pow(-4, 0.5), NaN, 'pow(-4, 0.5)');
    expectSame(pow(2, 1024), Infinity, 'pow(2, 1024)');
    expectSame(pow(-2, 1025), -Infinity, 'pow(-2, 1025)');
    expectSame(pow(2, -1075), 0, 'pow(2, -1075)');
    expectSame(pow(-2, -1075), -0, 'pow(-2, -1075)');
  });

  it('pow is exact where the result is representable: integer powers and powers of two', () => {
    for (let n = -1074; n <= 1023; n++) expect(pow(2, n), `2^${n}`).toBe(pow2(n));
    for (let n = 0; n <= 22; n++) expect(pow(10, n), `10^${n}`).toBe(Number(`1e${n}`));
    for (let b = 2; b <= 20; b++) {
      let exact = 1;
      for (let k = 1; exact * b <= 2 ** 53; k++) {
        exact *= b;
        expect(pow(b, k), `${b}^${k}`).toBe(exact);
        expect(pow(-b, k), `${-b}^${k}`).toBe(k % 2 === 0 ? exact : -exact);
      }
    }
  });

  it('pow2 builds every power of two exactly, subnormals included', () => {
    // Reference by repeated doubling and halving, both exact in binary floating point.
    let up = 1;
    for (let n = 0; n <= 1023; n++, up *= 2) expect(pow2(n), `2^${n}`).toBe(up);
    let down = 1;
    for (let n = 0; n >= -1074; n--, down /= 2) expect(pow2(n), `2^${n}`).toBe(down);
    expect(pow2(1024)).toBe(Infinity);
    expect(pow2(-1075)).toBe(0);
    expect(pow2(0.5)).toBe(pow(2, 0.5));
  });
});

// ---- pinned bits ----------------------------------------------------------------------------

describe('pinned outputs', () => {
  // The comparisons above are against whatever Math.* the host engine has, so they cannot tell
  // a correct port from one that drifts by an ulp, and they would pass in a browser whose libm
  // disagrees with Node's: exactly the bug this module exists to fix. These bit patterns were
  // computed once (Node 20) and must come out the same in every engine and on every platform;
  // if one changes, a run exported from the browser no longer matches the CLI. Several are
  // arguments where Math.* itself differs between engines or from fdlibm (pow(5, -11),
  // pow(76997, -0.26...)), and they cover the subnormal paths of exp and pow and the
  // Payne-Hanek reduction of sin/cos.
  it.each([
    ['log(0.3)', () => log(0.3), '0xbff34378fcbda721'],
    ['log(1e-300)', () => log(1e-300), '0xc085963447f87fb5'],
    ['log(5e-324)', () => log(5e-324), '0xc0874385446d71c3'],
    ['log1p(1e-10)', () => log1p(1e-10), '0x3ddb7cdfd9d1d693'],
    ['log1p(-0.5)', () => log1p(-0.5), '0xbfe62e42fefa39ef'],
    ['log10(2)', () => log10(2), '0x3fd34413509f79ff'],
    ['log10(12345.678)', () => log10(12345.678), '0x40105db618083a9e'],
    ['exp(0.3)', () => exp(0.3), '0x3ff599058c8c1a96'],
    ['exp(-700.5)', () => exp(-700.5), '0x00c4ff475c68ca02'],
    ['exp(-740)', () => exp(-740), '0x0000000000000055'],
    ['expm1(1e-5)', () => expm1(1e-5), '0x3ee4f8bc681cdfb6'],
    ['expm1(3.7)', () => expm1(3.7), '0x4043b94144eeec81'],
    ['pow(1.5, 2.7)', () => pow(1.5, 2.7), '0x4007e859efb1238c'],
    [
      'pow(76997, -0.2622059584565366)',
      () => pow(76997, -0.2622059584565366),
      '0x3faacac9b9f8447c',
    ],
    ['pow(5, -11)', () => pow(5, -11), '0x3e55fd7fe1796496'],
    [
      'pow(3.2225251423834367, 1.4472723071256377)',
      () => pow(3.2225251423834367, 1.4472723071256377),
      '0x4015c14590fe0dfe',
    ],
    ['pow(0.7, 2000.5)', () => pow(0.7, 2000.5), '0x00001830c3960e13'],
    ['sin(1)', () => sin(1), '0x3feaed548f090cee'],
    ['cos(1)', () => cos(1), '0x3fe14a280fb5068c'],
    ['cos(4.067069553931114)', () => cos(4.067069553931114), '0xbfe33f1bbfbea797'],
    ['sin(1e22)', () => sin(1e22), '0xbfeb453ab76bf397'],
    ['cos(1e300)', () => cos(1e300), '0xbfe2699022adc4c1'],
  ] as const)('%s', (_name, compute, bits) => {
    expect(bitsOf(compute())).toBe(bits);
  });

  // The same guard over many arguments: FNV-1a over the bits of 4,000 outputs per function.
  // An ulp moved anywhere (a reordered expression, a changed constant) changes the digest.
  it.each([
    ['log', (u: number) => log(u * 1e6), 'c2fa7a36'],
    ['log1p', (u: number) => log1p(u * 4 - 1), '81aae1e7'],
    ['log10', (u: number) => log10(u * 1e6), '6659bd2c'],
    ['exp', (u: number) => exp(u * 1400 - 700), '7bf21d83'],
    ['expm1', (u: number) => expm1(u * 80 - 40), 'dabf80bd'],
    ['sin', (u: number) => sin(u * 2e6 - 1e6), 'ec185adc'],
    ['cos', (u: number) => cos(u * 2e6 - 1e6), 'd224ea5b'],
    ['pow', (u: number) => pow(u * 100, ((u * 1e4) % 1) * 40 - 20), '3372030b'],
  ] as const)('digest of %s', (_name, fn, digest) => {
    const g = generator(7);
    let h = 0x811c9dc5;
    for (let i = 0; i < 4000; i++) {
      f64[0] = fn(g.unit());
      const bits = u64[0]!; // a value, so the digest does not depend on the byte order
      for (let b = 0n; b < 64n; b += 8n) h = Math.imul(h ^ Number((bits >> b) & 0xffn), 0x01000193);
    }
    expect((h >>> 0).toString(16).padStart(8, '0')).toBe(digest);
  });
});
