import { CourierError, foldNoCase } from '../../api';

export interface IniEntry {
  /** The key as written (its case kept for messages). */
  readonly key: string;
  readonly value: string;
  /** 1-based line number in the file. */
  readonly line: number;
}

export interface IniSection {
  readonly name: string;
  readonly line: number;
  /** Keyed by the folded key (foldNoCase); the first occurrence wins, as GetPrivateProfileString reads. */
  readonly entries: ReadonlyMap<string, IniEntry>;
}

export interface IniDocument {
  /** Keyed by the folded section name (foldNoCase); the first occurrence wins. */
  readonly sections: ReadonlyMap<string, IniSection>;
}

/** Bounds a hostile file: a 1 MiB file of `[x]` lines would otherwise make 300,000 sections. */
export const maxSections = 512;

/**
 * Windows INI, as the suite reads it: `[Section]` headers, `Key=Value` lines trimmed on both
 * sides, full-line `;` comments, case-insensitive section names and keys. Values are taken
 * verbatim (no quote stripping, no inline comments: command lines contain both `"` and `;`).
 * Lines before the first section and lines without `=` are ignored.
 */
export function parseIni(text: string): IniDocument {
  type Building = { name: string; line: number; entries: Map<string, IniEntry> };
  const sections = new Map<string, Building>();
  let current: Building | null = null;
  let count = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const close = line.indexOf(']');
      const name = (close === -1 ? line.slice(1) : line.slice(1, close)).trim();
      count++;
      if (count > maxSections) {
        throw new CourierError(
          'VALIDATION_FAILED',
          `Too many sections (more than ${maxSections}, line ${i + 1}); this is not a package definition file.`,
          'packageDefinition',
        );
      }
      const key = foldNoCase(name);
      current = { name, line: i + 1, entries: new Map() };
      // A repeated section is read as the first one, as Windows does; its lines go nowhere.
      if (!sections.has(key)) sections.set(key, current);
      continue;
    }
    if (current === null) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (key === '') continue;
    const folded = foldNoCase(key);
    if (!current.entries.has(folded)) current.entries.set(folded, { key, value: line.slice(eq + 1).trim(), line: i + 1 });
  }
  return { sections };
}
