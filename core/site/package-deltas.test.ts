import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useContentTemp } from '../../test/helpers/content-tree';
import { writeManifest } from '../content/distribution';
import { manifestOf } from '../content/distribution/manifest';
import { pruneSignatures, signatureFolderOf } from './package-deltas';
import { siteRootAt } from './site-root';

const dir = useContentTemp('courier-package-deltas-');
const sha = (n: number) => n.toString(16).padStart(64, '0');

describe('the signatures binary differential replication keeps', () => {
  it('are those of the current version and the five before it; older ones and leftover deltas go, other files stay', async () => {
    const root = siteRootAt(dir.path());
    const manifests = join(root.path, 'SMS', 'Manifests', 'A0100001');
    mkdirSync(signatureFolderOf(root, 'A0100001'), { recursive: true });
    for (let version = 1; version <= 7; version++) {
      // Every version holds shared.bin (content 100) and a file of its own (content = version).
      await writeManifest(
        join(manifests, `${version}.manifest`),
        manifestOf([], [
          { path: 'shared.bin', size: 1, mtimeMs: 0, sha256: sha(100) },
          { path: `v${version}.bin`, size: 1, mtimeMs: 0, sha256: sha(version) },
        ]),
      );
      writeFileSync(join(signatureFolderOf(root, 'A0100001'), `${sha(version)}.sig`), 'sig');
    }
    writeFileSync(join(signatureFolderOf(root, 'A0100001'), `${sha(100)}.sig`), 'sig');
    writeFileSync(join(signatureFolderOf(root, 'A0100001'), '.delta-0011aabbccdd'), 'left by a killed pass');
    writeFileSync(join(signatureFolderOf(root, 'A0100001'), 'notes.txt'), 'not ours to delete');
    expect(await pruneSignatures(root, 'A0100001')).toBe(2);
    expect(readdirSync(signatureFolderOf(root, 'A0100001')).sort()).toEqual([...[2, 3, 4, 5, 6, 7, 100].map((n) => `${sha(n)}.sig`), 'notes.txt'].sort());
  });
});
