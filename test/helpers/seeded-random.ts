/** A small seeded generator (mulberry32), so a failing property test can be replayed from its starting number. */
export function seededRandom(initial: number): { next(): number; int(below: number): number; bytes(length: number): Uint8Array } {
  let state = initial >>> 0;
  const nextU32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    next: () => nextU32() / 2 ** 32,
    int: (below) => Math.floor((nextU32() / 2 ** 32) * below),
    bytes: (length) => {
      const out = new Uint8Array(length);
      const words = new Uint32Array(out.buffer, 0, length >>> 2);
      for (let i = 0; i < words.length; i++) words[i] = nextU32();
      for (let i = words.length * 4; i < length; i++) out[i] = nextU32() & 0xff;
      return out;
    },
  };
}
