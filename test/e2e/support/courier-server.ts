import { spawn, type ChildProcess } from 'node:child_process';
import type { APIRequestContext } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export interface CourierServer {
  /** The console URL with its session token, as `npm run serve` prints it. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'courier-e2e-'));
}

/**
 * Starts the real `npm run serve` entry on a free port. The renderer was built by `test:e2e`
 * before Playwright started, so --no-build keeps parallel starts from rebuilding it.
 */
export async function startCourier(dataDir: string = freshDataDir()): Promise<CourierServer> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', '--no-build', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run serve printed no URL in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run serve exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** One request to the server's HTTP API with its token; a refusal fails the test with the core's message. */
export async function callApi(server: CourierServer, request: APIRequestContext, channel: string, data: unknown): Promise<unknown> {
  const response = await request.post(`${server.origin}/api/${channel}`, { headers: { Authorization: `Bearer ${server.token}` }, data });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
}
