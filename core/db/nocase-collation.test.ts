import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { foldNoCase, sameNoCase } from '../api';

/**
 * The site database's UNIQUE indexes compare names with COLLATE NOCASE; the core and the console
 * compare them with sameNoCase. Both must say the same, for every pair, or a name the console
 * thinks is free fails with CONFLICT (or the reverse).
 */
describe('sameNoCase is SQLite NOCASE', () => {
  const words = ['install', 'INSTALL', 'Install', 'École', 'école', 'ÉCOLE', 'straße', 'STRASSE', 'İstanbul', 'istanbul', 'ISTANBUL', 'ΑΒΓ', 'αβγ', 'Ǆ', 'ǆ', 'K', 'k', '\u212A', 'CONTOSO\\Sales', 'contoso\\sales', '😀A', '😀a', 'a ', 'a', '', 'Ⅻ', 'ⅻ', 'ＡＢ', 'ａｂ', '@[`{'];

  it('equal exactly when SQLite says so, for every pair of names in many scripts', () => {
    const db = new Database(':memory:');
    const same = db.prepare('SELECT ? = ? COLLATE NOCASE AS same');
    for (const a of words) {
      for (const b of words) {
        const sqlite = (same.get(a, b) as { same: number }).same === 1;
        expect(sameNoCase(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(sqlite);
      }
    }
    db.close();
  });

  it('a UNIQUE NOCASE column refuses exactly the names foldNoCase maps together', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (name TEXT NOT NULL, UNIQUE (name COLLATE NOCASE))');
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    const seen = new Set<string>();
    for (const word of words) {
      let stored: boolean;
      try {
        insert.run(word);
        stored = true;
      } catch {
        stored = false;
      }
      expect(stored, JSON.stringify(word)).toBe(!seen.has(foldNoCase(word)));
      seen.add(foldNoCase(word));
    }
    db.close();
  });
});
