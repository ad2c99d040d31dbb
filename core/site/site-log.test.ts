import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { createSiteLog, defaultLogMaxBytes, rotatedLogName, rotateOnceLocked } from './site-log';
import type { SiteRoot } from './site-root';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let data: TempDir;
let root: SiteRoot;
const log = () => join(root.logs, 'distmgr.log');
const rotated = () => join(root.logs, 'distmgr.lo_');
const linesOf = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\r\n').filter((line) => line !== '') : []);
const texts = (path: string) => linesOf(path).map((line) => line.slice(0, line.indexOf('~')));

beforeEach(() => {
  data = makeTempDir('courier-log-');
  root = { path: data.path, inboxes: data.path, logs: data.path };
});
afterEach(() => data.remove());

describe('component logs', () => {
  it('rotate at the suite\'s 2 MB unless told otherwise, to <name>.lo_', () => {
    expect(defaultLogMaxBytes).toBe(2 * 1024 * 1024);
    expect(rotatedLogName('distmgr.log')).toBe('distmgr.lo_');
    expect(rotatedLogName('SMSPROV.LOG')).toBe('SMSPROV.lo_');
  });

  it('move a full log to .lo_, replacing the last one, and never grow past the limit', () => {
    const site = createSiteLog(root, () => new Date(), { maxBytes: 1000 });
    const numbers = (path: string) => texts(path).map((text) => Number(/^line (\d+) /.exec(text)?.[1]));
    for (let n = 1; n <= 15; n++) {
      site.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', `line ${n} ${'x'.repeat(90)}`);
      expect(statSync(log()).size).toBeLessThanOrEqual(1000);
    }
    const lineBytes = Buffer.byteLength(`${linesOf(log())[0]}\r\n`);
    const perFile = Math.floor(1000 / lineBytes);
    expect(perFile).toBeGreaterThan(1);
    expect(perFile).toBeLessThan(7);
    // The newest lines in the log, the generation before them in .lo_, full; older ones gone.
    const inLog = numbers(log());
    expect(inLog.at(-1)).toBe(15);
    expect(numbers(rotated())).toEqual(Array.from({ length: perFile }, (_, i) => inLog[0]! - perFile + i));
    expect(statSync(rotated()).size + lineBytes).toBeGreaterThan(1000);
    expect(statSync(rotated()).size).toBeLessThanOrEqual(1000);
  });

  it('leave rotating to a writer holding the lock, and take over a lock its writer left long ago', () => {
    const site = createSiteLog(root, () => new Date(), { maxBytes: 300 });
    writeFileSync(log(), 'x'.repeat(400));
    const lock = `${log()}.rotating`;
    writeFileSync(lock, '12345\n');
    site.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', 'while another rotates');
    expect(existsSync(rotated())).toBe(false);
    expect(readFileSync(log(), 'utf8')).toMatch(/while another rotates/);
    // A writer killed mid-rotation: its lock is old.
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    site.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', 'clears the stale lock');
    site.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', 'after the rotation');
    expect(existsSync(lock)).toBe(false);
    expect(readFileSync(rotated(), 'utf8')).toMatch(/clears the stale lock/);
    expect(texts(log())).toEqual(['after the rotation']);
  });

  it('are not rotated again by a writer that found the log full just before another rotated it', () => {
    const site = createSiteLog(root, () => new Date(), { maxBytes: 300 });
    writeFileSync(log(), `${'x'.repeat(298)}\r\n`);
    // Writer B checks: full. Before it takes the lock, writer A rotates and writes a new line.
    const line = 'a line of about forty bytes, give or take';
    site.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', line);
    expect(readFileSync(rotated(), 'utf8')).toBe(`${'x'.repeat(298)}\r\n`);
    // B goes on with its rotation: the log it finds is not full, so the full .lo_ stays.
    rotateOnceLocked(log(), 100, 300);
    expect(readFileSync(rotated(), 'utf8')).toBe(`${'x'.repeat(298)}\r\n`);
    expect(texts(log())).toEqual([line]);
    // Had it been full still, it would have rotated.
    rotateOnceLocked(log(), 290, 300);
    expect(texts(rotated())).toEqual([line]);
    expect(existsSync(log())).toBe(false);
  });

  it('lose no line when two processes write and rotate the same log', async () => {
    const count = 150;
    // Two writers' 300 lines (about 180 bytes each) fill 32 KB once: exactly one rotation is right.
    const maxBytes = 32 * 1024;
    const writers = ['A', 'B'].map((name) =>
      spawn(process.execPath, ['--import', 'tsx', 'test/helpers/write-log-lines.ts', root.logs, name, String(count), String(maxBytes)], {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    await Promise.all(writers.map((child) => new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))));
    const exits = writers.map((child) => new Promise<number | null>((resolve) => child.on('exit', resolve)));
    for (const child of writers) child.stdin.write('go\n');
    expect(await Promise.all(exits)).toEqual([0, 0]);

    const all = [...texts(rotated()), ...texts(log())].map((text) => text.replace(/ x+$/, ''));
    const expected = ['A', 'B'].flatMap((name) => Array.from({ length: count }, (_, i) => `writer ${name} line ${i + 1}`));
    expect([...all].sort()).toEqual([...expected].sort());
    // Each writer's lines in its own order, whole (no line torn by the other writer).
    for (const name of ['A', 'B']) {
      const own = all.filter((text) => text.startsWith(`writer ${name} `));
      expect(own).toEqual(expected.filter((text) => text.startsWith(`writer ${name} `)));
    }
    // Rotated once it was full; a writer that waited past another's rotation may have added a few lines.
    expect(statSync(rotated()).size).toBeGreaterThan(maxBytes - 400);
    expect(statSync(rotated()).size).toBeLessThan(2 * maxBytes);
    expect(existsSync(`${log()}.rotating`)).toBe(false);
  }, 60_000);
});
