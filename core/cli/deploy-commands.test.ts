import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentPlanInput, DeploymentResultDto } from '../api';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import type { CliIo } from './cli-io';
import { maxPlanBytes } from './deploy-commands';
import { main } from './main';

let temp: TempDir;
let dataDir: string;

beforeEach(() => {
  temp = makeTempDir('courier-cli-deploy-');
  dataDir = join(temp.path, 'site');
});
afterEach(() => temp.remove());

async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: {},
    cwd: temp.path,
    ...(stdin !== undefined ? { stdin: async function* () { yield Buffer.from(stdin, 'utf8'); } } : {}),
  };
  const code = await main([...argv, '--data-dir', dataDir], io);
  return { code, out, err };
}

const scriptPlan: DeploymentPlanInput = {
  package: { kind: 'new', package: { name: 'Script', version: '2' } },
  program: { kind: 'new', program: { name: 'Run', commandLine: 'cmd /c echo hello' } },
  advertisement: { target: { kind: 'collection', collectionId: 'SMS00001' }, advertisementName: 'Script everywhere' },
};

function planFile(name: string, content: string): string {
  writeFileSync(join(temp.path, name), content);
  return name;
}

describe('courier deploy', () => {
  it('prints each step as a table and what was deployed', async () => {
    const { code, out } = await run(['deploy', planFile('plan.json', JSON.stringify(scriptPlan))]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Step\s+Outcome\s+What\s+Detail$/);
    expect(out).toMatch(/package\s+done\s+Create package "Script 2"\s+Created package A0100001\./);
    expect(out).toMatch(/distribute\s+skipped\s+Copy the package to distribution points\s+No distribution point or group was chosen/);
    expect(out).toMatch(/collection\s+used\s+Use collection "All Systems" \(SMS00001\)/);
    expect(out).toContain('Deployed: package A0100001, program "Run", collection SMS00001, advertisement A0120000.');
  });

  it('reads the plan from standard input with -, and --json prints the result', async () => {
    const { code, out } = await run(['deploy', '-', '--json'], JSON.stringify(scriptPlan));
    expect(code).toBe(0);
    const result = JSON.parse(out) as DeploymentResultDto;
    expect(result).toMatchObject({ ok: true, packageId: 'A0100001', advertisementId: 'A0120000', error: null });
    expect(result.steps.map((s) => s.outcome)).toEqual(['done', 'done', 'skipped', 'used', 'done']);
  });

  it('a failed step: exit 1, the table says which step, stderr says why, and --json prints only the result', async () => {
    const failing = { ...scriptPlan, advertisement: { ...scriptPlan.advertisement, target: { kind: 'collection', collectionId: 'A0100099' } } };
    const text = await run(['deploy', planFile('fail.json', JSON.stringify(failing))]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/package\s+undone/);
    expect(text.out).toMatch(/collection\s+failed/);
    expect(text.out).toContain('Nothing was made.');
    expect(text.err).toMatch(/^courier: .*A0100099/);

    const json = await run(['deploy', 'fail.json', '--json']);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.out) as DeploymentResultDto;
    expect(result).toMatchObject({ ok: false, packageId: null, error: { code: 'NOT_FOUND', field: 'collectionId' } });
    // Nothing was made by either run: the next package is still the first.
    const next = await run(['deploy', planFile('ok.json', JSON.stringify(scriptPlan)), '--json']);
    expect((JSON.parse(next.out) as DeploymentResultDto).packageId).toBe('A0100001');
  });

  it('a plan that is not JSON is refused with its line and column, before the site is opened', async () => {
    const { code, err, out } = await run(['deploy', planFile('broken.json', '{\n  "package": {"kind": "existing",}\n}'), '--json']);
    expect(code).toBe(1);
    expect(err).toBe('courier: broken.json is not JSON at line 2, column 34: "}" cannot come here.\n');
    expect(JSON.parse(out)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'plan' } });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a plan that breaks the contract names the field', async () => {
    const { code, err } = await run(['deploy', planFile('wrong.json', JSON.stringify({ ...scriptPlan, program: { kind: 'existing', programName: 'Run' } }))]);
    expect(code).toBe(1);
    expect(err).toContain('A new package has no programs yet');
  });

  it('refuses a named pipe, a folder, an empty file and a file over the cap without reading them', async () => {
    execFileSync('mkfifo', [join(temp.path, 'pipe.json')]);
    const pipe = await run(['deploy', 'pipe.json']);
    expect(pipe.code).toBe(1);
    expect(pipe.err).toMatch(/named pipe/);

    const folder = await run(['deploy', '.']);
    expect(folder.code).toBe(1);
    expect(folder.err).toMatch(/folder/);

    const empty = await run(['deploy', planFile('empty.json', ' \n')]);
    expect(empty.err).toContain('empty.json is empty; a deployment plan is a JSON object');

    const large = await run(['deploy', planFile('large.json', ' '.repeat(maxPlanBytes + 1))]);
    expect(large.code).toBe(1);
    expect(large.err).toContain(`a deployment plan is at most ${maxPlanBytes} bytes`);

    const stdin = await run(['deploy', '-'], ' '.repeat(maxPlanBytes + 1));
    expect(stdin.err).toContain(`larger than ${maxPlanBytes} bytes`);
    expect(existsSync(dataDir)).toBe(false);
  });
});
