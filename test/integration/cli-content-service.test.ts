import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentServiceDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { selfSignedCertificate } from '../helpers/self-signed';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeout.
let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

beforeAll(() => {
  data = makeTempDir('courier-cli-dpcontent-');
});
afterAll(() => data.remove());

describe('courier content-service show|set', () => {
  it('shows the defaults, changes the address, port and client URL, names the option of a refused value', async () => {
    const never = join(data.path, 'never');
    for (const args of [['content-service', 'set'], ['content-service', 'set', '--port', 'eighty'], ['content-service', 'set', '--http', '--key', 'k.pem']]) {
      const run = await runCli(['--data-dir', never, ...args, '--json']);
      expect(run.code, args.join(' ')).toBe(2);
    }
    expect(existsSync(never)).toBe(false);

    const shown = await courier('content-service', 'show', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(json<ContentServiceDto>(shown.stdout)).toEqual({
      component: 'SMS_DP_CONTENT_SERVICE', address: '127.0.0.1', port: 0, certificate: null, key: null, clientUrl: null, listeningUrl: null, listeningSince: null, lastModified: null,
    });
    const set = await courier('content-service', 'set', '--address', '0.0.0.0', '--port', '8080', '--client-url', 'http://site01.contoso.com:8080/', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(json<ContentServiceDto>(set.stdout)).toMatchObject({ address: '0.0.0.0', port: 8080, clientUrl: 'http://site01.contoso.com:8080/' });

    const refusals: [string[], string][] = [
      [['--port', '70000'], 'courier: The port (0 for any free port) must be from 0 to 65535. (--port)\n'],
      [['--address', 'dp 01'], 'courier: The address "dp 01" is not an IP address or a host name (letters, digits and hyphens between dots). (--address)\n'],
      [['--address', '10.1.2.300'], 'courier: The address "10.1.2.300" is not an IPv4 address (four numbers 0–255 with dots, such as 127.0.0.1). (--address)\n'],
      [['--client-url', 'ftp://dp01'], 'courier: The client URL must start with http:// or https:// ("ftp://dp01" given). (--client-url)\n'],
      [['--client-url', 'http://dp01/SMS_DP_X/'], 'courier: The client URL is the scheme, host and port only (http://dp01.contoso.com:8080); Courier adds /SMS_DP_<share>/<package>/ itself. (--client-url)\n'],
    ];
    for (const [args, stderr] of refusals) {
      const run = await courier('content-service', 'set', ...args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([1, stderr]);
    }
    const text = await courier('content-service', 'show');
    expect(text.stdout).toMatch(/Listens at: +0\.0\.0\.0 port 8080\n/);
    expect(text.stdout).toMatch(/Protocol: +HTTP\n/);
    expect(text.stdout).toMatch(/Client URL: +http:\/\/site01\.contoso\.com:8080\/\n/);
    const cleared = await courier('content-service', 'set', '--no-client-url', '--json');
    expect(json<ContentServiceDto>(cleared.stdout).clientUrl).toBeNull();
  }, 120_000);

  it('takes a certificate only with its own private key, both readable PEM files, and drops them with --http', async () => {
    const { certificate, key } = selfSignedCertificate(data.path);
    const other = selfSignedCertificate(data.path, 'other');
    writeFileSync(join(data.path, 'junk.pem'), 'not a certificate');
    const refusals: [string[], RegExp][] = [
      [['--certificate', certificate], /^courier: HTTPS needs both a certificate and its private key \(or neither, for HTTP\)\. \(--key\)\n$/],
      [['--certificate', certificate, '--key', other.key], /is not the key of the certificate .* \(--key\)\n$/],
      [['--certificate', join(data.path, 'junk.pem'), '--key', key], /junk\.pem is not a PEM certificate .*\(--certificate\)\n$/],
      [['--certificate', certificate, '--key', join(data.path, 'missing.key')], /\(--key\)\n$/],
    ];
    for (const [args, stderr] of refusals) {
      const run = await courier('content-service', 'set', ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(stderr);
    }
    const https = await courier('content-service', 'set', '--certificate', certificate, '--key', key, '--json');
    expect(https.code, https.stderr).toBe(0);
    expect(json<ContentServiceDto>(https.stdout)).toMatchObject({ certificate, key });
    expect((await courier('content-service', 'show')).stdout).toMatch(/Protocol: +HTTPS\n/);
    const plain = await courier('content-service', 'set', '--http', '--json');
    expect(json<ContentServiceDto>(plain.stdout)).toMatchObject({ certificate: null, key: null });
  }, 120_000);
});
