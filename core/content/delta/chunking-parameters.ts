import { DeltaError } from './delta-error';

/**
 * Content-defined chunk sizes, in bytes. Every chunk but a file's last is at least `min` and at
 * most `max` bytes long; boundaries fall on average every `avg` bytes past `min`'s skip.
 * A signature records the sizes it was made with, and a delta is always planned with them.
 */
export interface ChunkingParameters {
  readonly min: number;
  readonly avg: number;
  readonly max: number;
}

export const defaultChunking: ChunkingParameters = { min: 16 * 1024, avg: 64 * 1024, max: 256 * 1024 };

/** Bounds on what a signature may claim, so a corrupted header cannot ask for a huge buffer. */
export const chunkingLimits = { minMin: 64, minAvg: 256, maxAvg: 1024 * 1024, maxMax: 4 * 1024 * 1024 } as const;

/** Why `p` cannot be used, or null. */
export function chunkingProblem(p: ChunkingParameters): string | null {
  const { min, avg, max } = p;
  if (![min, avg, max].every((n) => Number.isInteger(n) && n > 0)) return 'chunk sizes must be whole positive numbers';
  if (avg < chunkingLimits.minAvg || avg > chunkingLimits.maxAvg || (avg & (avg - 1)) !== 0) {
    return `the average chunk size must be a power of two from ${chunkingLimits.minAvg} to ${chunkingLimits.maxAvg} bytes (got ${avg})`;
  }
  if (min < chunkingLimits.minMin || min > avg) return `the minimum chunk size must be from ${chunkingLimits.minMin} bytes to the average (got ${min})`;
  if (max < avg || max > chunkingLimits.maxMax) return `the maximum chunk size must be from the average to ${chunkingLimits.maxMax} bytes (got ${max})`;
  return null;
}

export function requireChunking(p: ChunkingParameters): void {
  const problem = chunkingProblem(p);
  if (problem !== null) throw new DeltaError('unsupported', `Chunk sizes ${p.min}/${p.avg}/${p.max}: ${problem}.`);
}

/**
 * The gear table of FastCDC (Xia et al., USENIX ATC 2016): one pseudo-random 32-bit value per byte
 * value. It is part of signature format 1, since boundaries depend on it: xorshift32 (Marsaglia,
 * "Xorshift RNGs", 2003, shifts 13/17/5) starting from 0x9E3779B9, the 256 values in order.
 */
export const gearTable: Int32Array = (() => {
  const table = new Int32Array(256);
  let state = 0x9e3779b9 | 0;
  for (let i = 0; i < 256; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    table[i] = state;
  }
  return table;
})();

/**
 * FastCDC's normalized chunking (level 2): before `avg` a boundary needs log2(avg)+2 zero bits,
 * after it log2(avg)-2, which narrows the spread of chunk sizes around `avg`. The bits tested are
 * the top ones of the 32-bit gear hash, which depend on the most recent bytes (up to 32 of them).
 */
export function boundaryMasks(avg: number): { readonly strict: number; readonly loose: number } {
  const bits = Math.round(Math.log2(avg));
  const top = (count: number): number => (count >= 32 ? -1 : ~(-1 >>> count)) | 0;
  return { strict: top(bits + 2), loose: top(bits - 2) };
}
