import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { makeTempDir, type TempDir } from './temp-dir';

/** Writes `files` (relative path → content) under `root`, making folders as needed. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  mkdirSync(root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Every file under `root` with its bytes as hex, and every folder (trailing slash): what a copy must equal. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const rel = prefix === '' ? name : `${prefix}/${name}`;
      if (statSync(path).isDirectory()) {
        out[`${rel}/`] = '';
        walk(path, rel);
      } else {
        out[rel] = readFileSync(path).toString('hex');
      }
    }
  };
  walk(root, '');
  return out;
}

/** A small package source: text that compresses, random bytes that do not, an empty file, an empty folder, nested folders. */
export function samplePackage(root: string): void {
  writeTree(root, {
    'setup.exe': randomBytes(300_000),
    'Setup.ini': '[Setup]\r\nProduct=Viewer\r\n'.repeat(2000),
    'empty.txt': '',
    'Data/Sub Folder/readme.txt': 'read me',
    'Data/big.cab': randomBytes(2_500_000),
  });
  mkdirSync(join(root, 'Empty Folder'));
}

export interface ContentTemp {
  readonly temp: TempDir;
  path(...segments: string[]): string;
}

/** A fresh temp folder for each test of the file. */
export function useContentTemp(prefix = 'courier-content-'): ContentTemp {
  let temp: TempDir | null = null;
  beforeEach(() => {
    temp = makeTempDir(prefix);
  });
  afterEach(() => temp?.remove());
  const current = () => {
    if (temp === null) throw new Error('useContentTemp: the temp folder exists only inside a test.');
    return temp;
  };
  return {
    get temp() {
      return current();
    },
    path: (...segments: string[]) => join(current().path, ...segments),
  };
}
