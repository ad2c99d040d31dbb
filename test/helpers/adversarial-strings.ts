/**
 * Strings that make a backtracking matcher work hard: a prefix that gets a path or name pattern
 * past its anchors, a long run of one filler, and a last character that makes the match fail.
 *
 * Each family is tried at growing lengths up to the longest a field accepts (and a little beyond),
 * and stops at its first slow step: exponential backtracking shows at 20–30 characters, long
 * before it would block the test for hours at the field's full length.
 */
export interface Family {
  readonly prefix: string;
  readonly fill: string;
  readonly suffix: string;
}

export const prefixes = ['', '\\\\srv\\share', 'C:\\', '/', 'CONTOSO\\', '{'] as const;
export const fills = ['\\', '/', 'a', ' ', '.', '\\a', 'a\\', '\\.', ':', '\u202e'] as const;
export const suffixes = ['"', '\0'] as const;

export function families(options: { prefixes?: readonly string[]; fills?: readonly string[]; suffixes?: readonly string[] } = {}): Family[] {
  const out: Family[] = [];
  for (const prefix of options.prefixes ?? prefixes) {
    for (const fill of options.fills ?? fills) {
      for (const suffix of options.suffixes ?? suffixes) out.push({ prefix, fill, suffix });
    }
  }
  return out;
}

/** Fields without a length limit are still bounded by the 1 MiB request body; this is far past every real limit. */
export const unboundedLength = 16_384;

/** Lengths (in UTF-16 units) to try for a field of at most `max`: small steps where exponential blow-up starts, then doubling, then max and max + 16. */
export function ladder(max: number): number[] {
  const lengths = new Set<number>();
  for (let n = 1; n <= 64; n += n < 8 ? 1 : 2) lengths.add(n);
  for (let n = 128; n < max; n *= 2) lengths.add(n);
  lengths.add(max);
  lengths.add(max + 16);
  return [...lengths].filter((n) => n <= max + 16).sort((a, b) => a - b);
}

/** The family's string of about `length` units (never shorter than prefix + suffix). */
export function build(family: Family, length: number): string {
  const room = Math.max(0, length - family.prefix.length - family.suffix.length);
  const count = Math.max(1, Math.floor(room / family.fill.length));
  return family.prefix + family.fill.repeat(count) + family.suffix;
}

export function describeFamily(family: Family, length: number): string {
  return `${JSON.stringify(family.prefix)} + ${JSON.stringify(family.fill)} × ~${length} + ${JSON.stringify(family.suffix)}`;
}

export interface SlowCase {
  readonly what: string;
  readonly input: string;
  readonly ms: number;
}

/**
 * Times `run` on every family along the ladder. A step over `boundMs` is tried twice more and
 * counts only if all three are slow, so a garbage collection or a busy machine is not a finding.
 */
export async function timeFamilies(
  what: string,
  max: number,
  run: (input: string) => unknown,
  options: { boundMs: number; families?: readonly Family[] },
): Promise<SlowCase[]> {
  const slow: SlowCase[] = [];
  const steps = ladder(max);
  for (const family of options.families ?? families()) {
    for (const length of steps) {
      const input = build(family, length);
      let best = Infinity;
      for (let attempt = 0; attempt < 3 && best > options.boundMs; attempt++) {
        const started = performance.now();
        await run(input);
        best = Math.min(best, performance.now() - started);
      }
      if (best > options.boundMs) {
        slow.push({ what, input: describeFamily(family, length), ms: Math.round(best) });
        break; // longer strings of this family would only be slower
      }
    }
  }
  return slow;
}
