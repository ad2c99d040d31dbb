import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository stands on its own: comments, tests, scripts and docs cite public sources (a WMI
// class, a KB, an RFC) or the repository's own docs/, never working notes kept outside it.
// Every pattern is built from parts, so this file does not cite what it forbids.
const root = resolve(import.meta.dirname, '../..');

const join = (...parts: string[]) => parts.join('');
const outsideCitations: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'the formats notes', pattern: new RegExp(join('sccm', '-formats'), 'i') },
  { what: 'the peers notes', pattern: new RegExp(join('peers', '\\.md'), 'i') },
  { what: 'the machine notes', pattern: new RegExp(join('machine', '-notes'), 'i') },
  // The repository's own architecture document lives in docs/; a bare name meant the outside design notes.
  { what: 'a bare architecture notes name', pattern: new RegExp(join('(?<![\\w/\\[(.-])', 'architecture', '\\.md'), 'i') },
  { what: 'the book chapter', pattern: new RegExp(join('\\bthe ', 'seed\\b'), 'i') },
  {
    what: 'the book chapter',
    pattern: new RegExp(join('\\bseed', '(?:[\'’]s\\b|:|\\s*"|\\s+(?:fig|figures?|defaults|pages|wording|rules?|says)\\b)|\\(', 'seed\\b'), 'i'),
  },
  { what: 'a figure of the book chapter', pattern: new RegExp(join('\\bfig(?:ure)?s?\\.?\\s*', '11-\\d'), 'i') },
  { what: 'a numbered section of outside notes', pattern: new RegExp(join('§', '\\s?\\d')) },
  { what: 'an issue number', pattern: new RegExp(join('\\bissues? ', '#?\\d+\\b'), 'i') },
  { what: 'an issue', pattern: new RegExp(join('\\bthe ', 'issue[\'’]s\\b'), 'i') },
  { what: 'the shared reference folder', pattern: new RegExp(join('/work', '/shared|\\.\\./', 'shared\\b|\\bshared/', '(?:seed|reference|design)\\b'), 'i') },
];

/** Every file git tracks or would track (top-level configs and READMEs included), with its text; binaries left out. */
function checkedFiles(): { path: string; text: string }[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const paths = [...new Set(listed.split('\0').filter((path) => path !== ''))];
  const files: { path: string; text: string }[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(root, path));
    } catch {
      continue; // listed by git but deleted in the working tree
    }
    if (bytes.includes(0)) continue;
    files.push({ path, text: bytes.toString('utf8') });
  }
  return files;
}

function citationsIn(text: string): string[] {
  const found: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const { what, pattern } of outsideCitations) {
      const match = pattern.exec(line);
      if (match) found.push(`line ${index + 1}: ${what} ("${match[0]}")`);
    }
  });
  return found;
}

describe('the repository stands on its own', () => {
  it('finds each kind of outside citation, and leaves the repository\'s own references alone', () => {
    const cited = [
      join('(', 'sccm', '-formats §', '4.3)'),
      join('see ', 'peers', '.md'),
      join('machine', '-notes.md'),
      join('Principle 1 of ', 'architecture', '.md'),
      join('as the ', 'se', 'ed says'),
      join('(', 'se', 'ed fig. ', '11-28)'),
      join("the ", "se", "ed's rules"),
      join('figures ', '11-28 to 11-30'),
      join('§', '1.6 example'),
      join('until it is built (', 'issue ', '5)'),
      join("the ", "issue's example"),
      join('../', 'shared/', 'reference'),
      join('/work', '/shared/', 'seed/chapter.txt'),
    ];
    for (const line of cited) expect(citationsIn(line), line).not.toEqual([]);

    const own = [
      'SMS_Program.ProgramFlags (docs/formats.md#program-flags)',
      join('see docs/', 'architecture', '.md#the-picture'),
      join('checked by the same contract (see [', 'architecture', '.md](', 'architecture', '.md))'),
      'let state = 42; // a random generator seed',
      '`{"error":{"code","message","field","issues"}}`',
      'core/api/shared-types.ts',
    ];
    for (const line of own) expect(citationsIn(line), line).toEqual([]);
  });

  it('cites no document outside the repository in any file it tracks, top-level configs and READMEs included', () => {
    const files = checkedFiles();
    // The listing really reached the repository (this file among them).
    expect(files.map((file) => file.path)).toContain('test/integration/repository-self-contained.test.ts');
    expect(files.length).toBeGreaterThan(100);
    const offences = files.flatMap(({ path, text }) => citationsIn(text).map((citation) => `${path} ${citation}`));
    expect(offences).toEqual([]);
  });
});
