import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { main } from './main';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: {}, cwd: '/' };
  const code = await main(argv, io);
  return { code, out, err };
}

// Only command lines that never open a site: the spawned tests in test/integration cover the rest.
describe('courier command line', () => {
  it('--help lists the commands and the global options', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    for (const text of ['site', 'package', '--data-dir', '--json', 'Exit status']) expect(out).toContain(text);
  });

  it('package create --help lists every setting, grouped', async () => {
    const { code, out } = await run('package', 'create', '--help');
    expect(code).toBe(0);
    for (const text of ['General:', 'Data source:', '--source <dir>', '--no-persist-in-client-cache', '--user-grace-period <minutes>', '--mif-publisher']) {
      expect(out).toContain(text);
    }
  });

  it('--version prints the version, and `package create --version` is the package version', async () => {
    expect((await run('--version')).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const { code, err } = await run('package', 'create', '--version', '1.0');
    expect(code).toBe(2);
    expect(err).toMatch(/--name/);
  });

  it('usage errors exit 2 with one line, and a JSON error with --json', async () => {
    const { code, out, err } = await run('package', 'list', '--bogus', '--json');
    expect(code).toBe(2);
    expect(err).toBe("courier: unknown option '--bogus' (see --help)\n");
    expect(JSON.parse(out)).toEqual({ error: { code: 'VALIDATION_FAILED', message: "unknown option '--bogus'" } });
  });

  it('update with nothing to change is a usage error, refused before the site is opened', async () => {
    const dataDir = join(tmpdir(), `courier-never-${process.pid}`);
    const { code, err } = await run('--data-dir', dataDir, 'package', 'update', 'A0100001');
    expect(code).toBe(2);
    expect(err).toMatch(/Nothing to change/);
    expect(existsSync(dataDir)).toBe(false);
  });
});
