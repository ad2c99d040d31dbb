import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/** Runs the real `courier` CLI on a data dir and parses its --json output. */
export function courierJson<T>(dataDir: string, ...args: string[]): T {
  const stdout = execFileSync(process.execPath, ['bin/courier.mjs', '--data-dir', dataDir, ...args, '--json'], { cwd: root, encoding: 'utf8' });
  return JSON.parse(stdout) as T;
}
