import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { CourierError } from '../../core/api';
import type { FileAccess } from '../../core/content/file-access';
import { FileGate } from '../../core/content/file-gate';
import { makeTempDir, type TempDir } from './temp-dir';

export interface MappedSources {
  /** The test's temporary folder. */
  readonly temp: TempDir;
  /** Where \\fs01\sources is mounted: Office (with 2007 and setup.exe) and Viewer. */
  readonly mount: string;
  /** How the site server reads files: \\fs01\sources mapped to the mount, no source roots. */
  access(changes?: Partial<FileAccess>): FileAccess;
}

/**
 * A Linux site server's view of a mapped share for each test of the file: a fresh temp folder
 * with \\fs01\sources mounted in it, and the FileAccess that maps it.
 */
export function useMappedSources(prefix: string): MappedSources {
  const gate = new FileGate({ slots: 2, timeoutMs: 5000 });
  let temp: TempDir | null = null;
  let mount = '';
  beforeEach(() => {
    temp = makeTempDir(prefix);
    mount = join(temp.path, 'mnt', 'fs01', 'sources');
    mkdirSync(join(mount, 'Office', '2007'), { recursive: true });
    mkdirSync(join(mount, 'Viewer'));
    writeFileSync(join(mount, 'Office', 'setup.exe'), 'MZ');
  });
  afterEach(() => temp?.remove());
  return {
    get temp(): TempDir {
      if (temp === null) throw new Error('useMappedSources: the temp folder exists only inside a test.');
      return temp;
    },
    get mount(): string {
      return mount;
    },
    access: (changes = {}) => ({ platform: 'linux', mappings: [{ uncPrefix: '\\\\fs01\\sources', localPath: mount }], sourceRoots: null, gate, ...changes }),
  };
}

/** The CourierError a promise is refused with (the test fails if it resolves, or fails otherwise). */
export async function refusal(promise: Promise<unknown>): Promise<CourierError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CourierError);
  return error as CourierError;
}
