import { foldNoCase, supportedPlatforms, type PlatformDto } from '../../api';
import type { IniSection } from './ini';
import { commaList, shown } from './reader';
import type { SupportedClient, SupportedClients } from './types';

type VersionRange = { readonly minVersion: string; readonly maxVersion: string };
const anyVersion: VersionRange = { minVersion: '0.00.0000.0', maxVersion: '99.99.9999.9999' };

/** Notes about ranges narrower than their platform, per program; the rest are counted. */
const maxNarrowingNotes = 10;

function versionParts(version: string): number[] {
  return version.split('.').map((n) => Number.parseInt(n, 10) || 0);
}

function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const anyMin = versionParts(anyVersion.minVersion);
const anyMax = versionParts(anyVersion.maxVersion);

interface PlatformEntry {
  readonly platform: PlatformDto;
  /** `win nt (i386)`: the client name a file gives for it, folded. */
  readonly client: string;
  readonly min: readonly number[];
  readonly max: readonly number[];
}

const platformsByClient = new Map<string, PlatformEntry[]>();
for (const platform of supportedPlatforms) {
  const client = foldNoCase(`${platform.osName} (${platform.osPlatform})`);
  const list = platformsByClient.get(client) ?? [];
  list.push({ platform, client, min: versionParts(platform.minVersion), max: versionParts(platform.maxVersion) });
  platformsByClient.set(client, list);
}

/**
 * `Win NT (I386)`, `win nt(i386 )`: the name and processor, spaced and cased as the file pleases,
 * to the folded `win nt (i386)` of the table. Scanned by hand (a regular expression with two
 * optional runs of spaces backtracks on a long name).
 */
function clientKey(folded: string): string | null {
  const trimmed = folded.trimEnd();
  if (!trimmed.endsWith(')')) return null;
  const open = trimmed.lastIndexOf('(');
  if (open < 0) return null;
  const cpu = trimmed.slice(open + 1, -1).trim();
  if (!/^[a-z0-9]+$/.test(cpu)) return null;
  return `${trimmed.slice(0, open).trimEnd()} (${cpu})`;
}

/**
 * `<client> MinVersion<n>` / `MaxVersion<n>` keys of a section (already folded by the INI
 * reader), indexed once by client, so each listed client finds its ranges without scanning the
 * section again: reading is linear in the section, however long the client list.
 */
function rangeIndex(section: IniSection): Map<string, Map<number, { minVersion?: string; maxVersion?: string }>> {
  const index = new Map<string, Map<number, { minVersion?: string; maxVersion?: string }>>();
  for (const [key, entry] of section.entries) {
    if (entry.value === '') continue;
    let end = key.length;
    while (end > 0 && end > key.length - 3 && key.charCodeAt(end - 1) >= 0x30 && key.charCodeAt(end - 1) <= 0x39) end--;
    if (end === key.length || end < 1) continue;
    const word = key.slice(Math.max(0, end - 10), end);
    const bound = word === 'minversion' ? 'minVersion' : word === 'maxversion' ? 'maxVersion' : null;
    if (bound === null) continue;
    const before = end - 10;
    if (before < 2 || !/\s/.test(key.charAt(before - 1))) continue;
    const client = key.slice(0, before).trimEnd();
    if (client === '') continue;
    const n = Number(key.slice(end));
    const byIndex = index.get(client) ?? new Map<number, { minVersion?: string; maxVersion?: string }>();
    const range = byIndex.get(n) ?? {};
    range[bound] = entry.value;
    byIndex.set(n, range);
    index.set(client, byIndex);
  }
  return index;
}

function rangesOf(index: ReturnType<typeof rangeIndex>, folded: string): VersionRange[] {
  const byIndex = index.get(folded);
  if (!byIndex) return [];
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => ({ minVersion: r.minVersion ?? anyVersion.minVersion, maxVersion: r.maxVersion ?? anyVersion.maxVersion }));
}

/**
 * SupportedClients (2.0) or SupportedPlatforms (1.x) to Courier's platform ids. A platform is
 * covered when its name and processor match and its versions overlap a range given for it; a
 * range narrower than a whole platform (one service pack) widens to that platform, with a note,
 * because Courier's programs choose whole platforms as the console's Requirements page does.
 * A client listed twice counts once.
 */
export function readSupportedClients(section: IniSection, value: string, notes: string[]): SupportedClients {
  const names = commaList(value);
  const index = rangeIndex(section);
  const clients: SupportedClient[] = [];
  const platforms = new Set<string>();
  const unmapped: string[] = [];
  const seen = new Set<string>();
  const narrowing: string[] = [];
  for (const name of names) {
    const folded = foldNoCase(name);
    if (seen.has(folded)) continue;
    seen.add(folded);
    const versionRanges = rangesOf(index, folded);
    clients.push({ name, versionRanges });
    const key = clientKey(folded);
    const candidates = key === null ? [] : (platformsByClient.get(key) ?? []);
    for (const range of versionRanges.length > 0 ? versionRanges : [anyVersion]) {
      const min = range === anyVersion ? anyMin : versionParts(range.minVersion);
      const max = range === anyVersion ? anyMax : versionParts(range.maxVersion);
      const matches = candidates.filter((p) => compareParts(p.min, max) <= 0 && compareParts(min, p.max) <= 0);
      const label = range === anyVersion ? shown(name, 60, false) : `${shown(name, 60, false)} ${shown(range.minVersion, 20, false)}–${shown(range.maxVersion, 20, false)}`;
      if (matches.length === 0) {
        unmapped.push(label);
        continue;
      }
      for (const p of matches) {
        platforms.add(p.platform.id);
        if (compareParts(min, p.min) > 0 || compareParts(p.max, max) > 0) {
          narrowing.push(`${label} is narrower than "${p.platform.displayText}"; the program runs on all of it.`);
        }
      }
    }
  }
  notes.push(...narrowing.slice(0, maxNarrowingNotes));
  if (narrowing.length > maxNarrowingNotes) {
    notes.push(`${narrowing.length - maxNarrowingNotes} more version ranges are narrower than their platforms; the program runs on the whole platforms.`);
  }
  // The table's order, so the same file always gives the same list.
  const ordered = supportedPlatforms.map((p) => p.id).filter((id) => platforms.has(id));
  return { restricted: names.length > 0, clients, platforms: ordered, unmapped };
}
