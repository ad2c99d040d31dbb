import { supportedPlatforms } from '../../api';
import type { IniSection } from './ini';
import { commaList } from './reader';
import type { SupportedClient, SupportedClients } from './types';

const anyVersion = { minVersion: '0.00.0000.0', maxVersion: '99.99.9999.9999' };

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `Win NT (I386)` → { osName: 'win nt', osPlatform: 'i386' }. */
function splitClientName(name: string): { osName: string; osPlatform: string } | null {
  const m = /^(.*?)\s*\(\s*([A-Za-z0-9]+)\s*\)$/.exec(name);
  if (!m) return null;
  return { osName: (m[1] ?? '').toLowerCase(), osPlatform: (m[2] ?? '').toLowerCase() };
}

/** Version-range keys of a program section: `Win NT (I386) MinVersion1=5.10.0000.0`. */
function rangesOf(section: IniSection, clientName: string): { minVersion: string; maxVersion: string }[] {
  const byIndex = new Map<number, { minVersion?: string; maxVersion?: string }>();
  const prefix = clientName.toLowerCase();
  for (const [key, entry] of section.entries) {
    const m = /^(.*\S)\s+(min|max)version(\d{1,3})$/.exec(key);
    if (!m || m[1] !== prefix || entry.value === '') continue;
    const n = Number(m[3]);
    const range = byIndex.get(n) ?? {};
    if (m[2] === 'min') range.minVersion = entry.value;
    else range.maxVersion = entry.value;
    byIndex.set(n, range);
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => ({ minVersion: r.minVersion ?? anyVersion.minVersion, maxVersion: r.maxVersion ?? anyVersion.maxVersion }));
}

/**
 * SupportedClients (2.0) or SupportedPlatforms (1.x) to Courier's platform ids. A platform is
 * covered when its name and processor match and its versions overlap a range given for it; a
 * range narrower than a whole platform (one service pack) widens to that platform, with a note,
 * because Courier's programs choose whole platforms as the console's Requirements page does.
 */
export function readSupportedClients(section: IniSection, value: string, notes: string[]): SupportedClients {
  const names = commaList(value);
  const clients: SupportedClient[] = [];
  const platforms = new Set<string>();
  const unmapped: string[] = [];
  for (const name of names) {
    const versionRanges = rangesOf(section, name);
    clients.push({ name, versionRanges });
    const parts = splitClientName(name);
    const ranges = versionRanges.length > 0 ? versionRanges : [anyVersion];
    for (const range of ranges) {
      const matches = supportedPlatforms.filter(
        (p) =>
          parts !== null &&
          p.osName.toLowerCase() === parts.osName &&
          p.osPlatform.toLowerCase() === parts.osPlatform &&
          compareVersions(p.minVersion, range.maxVersion) <= 0 &&
          compareVersions(range.minVersion, p.maxVersion) <= 0,
      );
      const label = range === anyVersion ? name : `${name} ${range.minVersion}–${range.maxVersion}`;
      if (matches.length === 0) {
        unmapped.push(label);
        continue;
      }
      for (const p of matches) {
        platforms.add(p.id);
        if (compareVersions(range.minVersion, p.minVersion) > 0 || compareVersions(p.maxVersion, range.maxVersion) > 0) {
          notes.push(`${label} is narrower than "${p.displayText}"; the program runs on all of it.`);
        }
      }
    }
  }
  // The table's order, so the same file always gives the same list.
  const ordered = supportedPlatforms.map((p) => p.id).filter((id) => platforms.has(id));
  return { restricted: names.length > 0, clients, platforms: ordered, unmapped };
}
