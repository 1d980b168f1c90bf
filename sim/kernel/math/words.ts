/**
 * Bit access to float64 values, the TypeScript counterpart of fdlibm's math_private.h macros
 * (EXTRACT_WORDS, GET_HIGH_WORD, GET_LOW_WORD, INSERT_WORDS, SET_HIGH_WORD, SET_LOW_WORD).
 *
 * One module-level scratch buffer seen as one Float64 and two Uint32 words: no allocation per
 * call. Reading or writing a typed array element is exact (no rounding), so these helpers add
 * nothing engine-dependent to the ports that use them.
 *
 * Word order: typed arrays use the platform's byte order. Every engine PeakLab runs on is
 * little-endian (the high word is element 1), but rather than assume it silently the order is
 * detected once here, and a platform whose float64 words are in neither order (the old ARM FPA
 * "mixed-endian" doubles) is refused at load time instead of computing garbage.
 */
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

function detectHighWordIndex(): 0 | 1 {
  scratch[0] = 1; // 0x3ff00000_00000000
  if (words[1] === 0x3ff00000 && words[0] === 0) return 1; // little-endian
  if (words[0] === 0x3ff00000 && words[1] === 0) return 0; // big-endian
  throw new Error('portableMath: unsupported float64 word order on this platform');
}

const HI = detectHighWordIndex();
const LO = HI === 1 ? 0 : 1;

/** High 32 bits of `x` (sign, exponent, top 20 mantissa bits) as a signed int32, like fdlibm's `hx`. */
export function highWord(x: number): number {
  scratch[0] = x;
  return words[HI]! | 0;
}

/** Low 32 bits of `x` as an unsigned integer, like fdlibm's `lx`. */
export function lowWord(x: number): number {
  scratch[0] = x;
  return words[LO]!;
}

/** The double whose words are `hi` and `lo` (INSERT_WORDS); both are taken modulo 2^32. */
export function fromWords(hi: number, lo: number): number {
  words[HI] = hi;
  words[LO] = lo;
  return scratch[0]!;
}

/** `x` with its high word replaced (SET_HIGH_WORD). */
export function withHighWord(x: number, hi: number): number {
  scratch[0] = x;
  words[HI] = hi;
  return scratch[0]!;
}

/** `x` with its low word cleared (SET_LOW_WORD(x, 0)): keeps the top 21 mantissa bits. */
export function clearLowWord(x: number): number {
  scratch[0] = x;
  words[LO] = 0;
  return scratch[0]!;
}
