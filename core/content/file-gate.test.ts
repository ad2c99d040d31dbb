import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError } from '../api';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { FileGate } from './file-gate';
import { listFiles, listFolders } from './server-folders';
import { checkSourceDirectory } from './source-directory';
import { readMsiFile } from './package-definition-file';

/**
 * A blocking open of a named pipe with no writer is a file system call that does not return:
 * it holds one of libuv's threads exactly as a call on a hung network mount does, and a writer
 * opening the pipe lets it go. That makes a hung mount reproducible without one.
 */
let temp: TempDir;
let pipes: string[] = [];

beforeEach(() => {
  temp = makeTempDir('courier-gate-');
  pipes = [];
});
afterEach(async () => {
  await releaseAll();
  temp.remove();
});

function hungPipe(): string {
  const path = join(temp.path, `hung${pipes.length}`);
  execFileSync('mkfifo', [path]);
  pipes.push(path);
  return path;
}

/**
 * Opens every pipe for writing, so the stuck opens return. Without blocking: a pipe whose reader
 * has not reached its open yet (ENXIO) is tried again until it has.
 */
async function releaseAll(): Promise<void> {
  for (const path of pipes.splice(0)) {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  }
}

/** A call that hangs until its pipe is released: the blocking open, with no O_NONBLOCK. */
function hang(gate: FileGate, path: string): Promise<unknown> {
  return gate.run(path, 'path', async () => (await open(path, 'r')).close());
}

async function failure(promise: Promise<unknown>): Promise<CourierError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CourierError);
  return error as CourierError;
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T | 'timed out'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the file gate', () => {
  it('is what keeps the thread pool free: as many hung calls as the pool has threads, outside it, starve every other file call', async () => {
    const file = join(temp.path, 'plain.txt');
    writeFileSync(file, 'x');
    const poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4;
    const stuck = Array.from({ length: poolSize }, () => hungPipe()).map((path) => open(path, 'r').then((h) => h.close()));
    expect(await within(500, readFile(file, 'utf8'))).toBe('timed out');
    await releaseAll();
    await Promise.all(stuck);
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('gives up on a hung call after its time limit, with a clear error, and keeps its slot until it returns', async () => {
    const gate = new FileGate({ slots: 2, timeoutMs: 300 });
    const pipe = hungPipe();
    const started = performance.now();
    const error = await failure(hang(gate, pipe));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ code: 'SOURCE_UNREADABLE', field: 'path' });
    expect(error.message).toBe(`The site server gave up on ${pipe} after 300 ms: it did not answer (a slow or hung network mount?). Check it on the site server and try again.`);
    expect(gate.busy).toBe(1);
    await releaseAll();
    await expect.poll(() => gate.busy).toBe(0);
  });

  it('with every slot held by hung calls, the rest of the pool still works and later requests fail in time, naming the stuck paths', async () => {
    const gate = new FileGate({ slots: 2, timeoutMs: 400 });
    const first = hungPipe();
    const second = hungPipe();
    const hung = [hang(gate, first), hang(gate, second)].map((p) => p.catch(() => undefined));
    const source = join(temp.path, 'sources');
    mkdirSync(source);

    // Other file calls of the process (static files, the CLI, SQLite's neighbours) go on at once.
    const file = join(temp.path, 'plain.txt');
    writeFileSync(file, 'x');
    expect(await within(1000, readFile(file, 'utf8'))).toBe('x');

    const access = { platform: process.platform, mappings: [], sourceRoots: null, gate };
    for (const request of [checkSourceDirectory(source, access), listFolders(source, access), listFiles(source, ['.msi'], access), readMsiFile(join(source, 'a.msi'), access)]) {
      const error = await failure(request);
      expect(error.code).toBe('SOURCE_UNREADABLE');
      expect(error.message).toMatch(/could not start reading .* within 400 ms: it is still waiting for 2 earlier file operation\(s\) that have not answered/);
      expect(error.message).toContain(first);
    }
    await releaseAll();
    await Promise.all(hung);
    expect(await checkSourceDirectory(source, access)).toEqual({ path: source, serverPath: source, entryCount: 0 });
  });

  it('hands a freed slot to the request that waited first', async () => {
    const gate = new FileGate({ slots: 1, timeoutMs: 5000 });
    const order: string[] = [];
    const pipe = hungPipe();
    const hung = hang(gate, pipe);
    const waiters = ['a', 'b', 'c'].map((name) => gate.run(name, 'path', async () => void order.push(name)));
    await releaseAll();
    await Promise.all([hung, ...waiters]);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
