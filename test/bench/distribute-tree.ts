// The package tree bench:distribute distributes: about 1 GiB in 2,000 files from 1 KB to 200 MB,
// half random (cabinets, media), half text that compresses about 10:1, in nested folders; and the
// edits that change a share of its bytes in a few large files, for the update rows.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../helpers/seeded-random';

const mib = 1024 * 1024;

/** 2,000 sizes adding up to about `sizeMb` (1 GiB at 1024): one of 200 MB, a few tens of MB, many small. */
function sizes(sizeMb: number): number[] {
  const scale = sizeMb / 1024;
  const groups: [number, number][] = [
    [1, 200 * mib],
    [4, 50 * mib],
    [10, 20 * mib],
    [30, 5 * mib],
    [155, 1 * mib],
  ];
  const out: number[] = [];
  for (const [count, size] of groups) for (let i = 0; i < count; i++) out.push(size);
  // 1,800 small files from 1 KB to about 100 KB.
  for (let i = 0; i < 1800; i++) out.push(1024 + ((i * 7919) % 100) * 1024);
  return out.map((size) => Math.max(1024, Math.round(size * scale)));
}

const textLine = '[Setup]\r\nProductCode={8A3B0A2C-0000-4000-8000-00000000%s}\r\nInstallDir=C:\\Program Files\\Contoso\\%s\r\n';

function contentOf(index: number, size: number): Buffer {
  if (index % 2 === 0) return randomBytes(size);
  const out = Buffer.alloc(size);
  let at = 0;
  let n = index;
  while (at < size) {
    const line = textLine.replace(/%s/gu, () => String((n = (n * 1103515245 + 12345) % 2147483648) % 100000));
    at += out.write(line, at, 'latin1');
  }
  return out;
}

export interface GeneratedTree {
  readonly files: number;
  readonly bytes: number;
  /** The largest files, largest first: where the edits go. */
  readonly largest: readonly string[];
}

export function generateTree(root: string, sizeMb: number): GeneratedTree {
  let bytes = 0;
  const list = sizes(sizeMb);
  const paths: { path: string; size: number }[] = [];
  list.forEach((size, i) => {
    const folder = join(root, `Folder ${i % 20}`, `sub${i % 7}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `file${i}.${i % 2 === 0 ? 'cab' : 'ini'}`);
    // Large files are written in pieces so generating them does not hold them whole.
    if (size <= 8 * mib) writeFileSync(path, contentOf(i, size));
    else {
      writeFileSync(path, '');
      for (let done = 0; done < size; done += 8 * mib) writeFileSync(path, contentOf(i, Math.min(8 * mib, size - done)), { flag: 'a' });
    }
    paths.push({ path, size });
    bytes += size;
  });
  return { files: list.length, bytes, largest: paths.sort((a, b) => b.size - a.size).map((entry) => entry.path) };
}

/**
 * Overwrites `share` of `totalBytes` with random bytes in `files` (ten runs a file, spread over
 * it), as a rebuilt installer changes a few regions of its cabinets. Answers the bytes changed.
 */
export function changeBytes(files: readonly string[], totalBytes: number, share: number, variant: number): number {
  const random = seededRandom(variant);
  const perFile = Math.floor((totalBytes * share) / files.length);
  const runs = 10;
  let changed = 0;
  for (const path of files) {
    const size = statSync(path).size;
    const run = Math.min(Math.floor(perFile / runs), Math.floor(size / runs));
    const fd = openSync(path, 'r+');
    try {
      for (let r = 0; r < runs; r++) {
        // Each run starts somewhere in its tenth of the file.
        const at = Math.floor((r * size) / runs) + random.int(Math.max(1, Math.floor(size / runs) - run));
        writeSync(fd, randomBytes(run), 0, run, at);
        changed += run;
      }
    } finally {
      closeSync(fd);
    }
  }
  return changed;
}
