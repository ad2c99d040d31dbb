// nginx beside Courier's content service in the benches that compare them (bench:content,
// bench:clients): one process, `sendfile on`, access log off, serving a DP's share folder at the
// URLs the content service answers: /SMS_DP_SMSPKGD$/<PackageID>/<path>, and the manifest at
// /SMS_DP_SMSPKGD$/<PackageID>/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function haveNginx(): boolean {
  return spawnSync('nginx', ['-v']).status === 0;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** nginx in `dir` (its configuration, pid and error log), serving `shareRoot` as SMS_DP_SMSPKGD$ on 127.0.0.1:`port`. */
export function startNginx(dir: string, shareRoot: string, port: number, workerConnections = 1024): ChildProcess {
  const www = join(dir, 'www');
  mkdirSync(www, { recursive: true });
  // The same URL as the content service's: /SMS_DP_SMSPKGD$/<PackageID>/<path>, the share folder itself.
  symlinkSync(shareRoot, join(www, 'SMS_DP_SMSPKGD$'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
master_process off;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections ${workerConnections}; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    # The package's folder URL is its manifest, <PackageID>.manifest beside the folder, as the content service answers it.
    location ~ /$ {
      rewrite ^(.*)/$ $1.manifest break;
    }
  }
}
`,
  );
  return spawn('nginx', ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Until something answers a GET of `url` (any status), for at most 10 s. */
export async function waitForAnswer(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const answer = await fetch(url);
      await answer.arrayBuffer();
      return;
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`Nothing answers at ${url}.`);
}
