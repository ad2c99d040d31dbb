import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LogRecord } from '../../core/formats/logs';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let temp: TempDir;
let big = '';
const lines = 50_000;

beforeAll(() => {
  temp = makeTempDir('courier-cli-logs-');
  big = join(temp.path, 'distmgr.log');
  const line = (i: number) => `Processing package A0100001 on DP${i}~  $$<SMS_DISTRIBUTION_MANAGER><06-13-2008 15:36:47.610+420><thread=5720 (0x1658)>\r\n`;
  writeFileSync(big, Array.from({ length: lines }, (_, i) => line(i)).join(''));
});
afterAll(() => temp.remove());

/** The real `courier` with its output collected whole (more than execFile's buffer holds). */
function courier(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/courier.mjs', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr })));
}

it('the real courier prints every record of a log of many reads as JSON', async () => {
  const run = await courier(['log', 'parse', big, '--json']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const records = JSON.parse(run.stdout) as LogRecord[];
  expect(records).toHaveLength(lines);
  expect(records.at(-1)).toEqual({ text: `Processing package A0100001 on DP${lines - 1}`, component: 'SMS_DISTRIBUTION_MANAGER', time: '2008-06-13T22:36:47.610Z', thread: 5720, type: 'info', format: 'sms', line: lines });
});

it('ends quietly, exit 0, when its reader stops reading (courier log parse … | head)', async () => {
  const child = spawn(process.execPath, ['bin/courier.mjs', 'log', 'parse', big], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let first = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', (chunk: Buffer) => {
    first = chunk.toString();
    child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(first).toMatch(/^Time +Type +Component +Thread +Text\n/u);
  expect([code, stderr]).toEqual([0, '']);
});
