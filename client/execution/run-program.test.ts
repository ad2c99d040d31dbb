import { readFileSync, realpathSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { LogWriter } from '../logs/log-writer';
import { runProgram, type ProgramRun, type RunProgramOptions } from './run-program';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/mif', name), 'utf8');
const pkg = { name: 'Widget Pro', manufacturer: 'Contoso', version: '2.1', mifName: '', mifPublisher: '', mifVersion: '' };
let temp: TempDir;
let content: string;
let mifs: string;
const leftRunning: number[] = [];

beforeEach(() => {
  temp = makeTempDir('courier-run-');
  content = join(temp.path, 'A0100001.1');
  mifs = join(temp.path, 'windir');
  mkdirSync(content);
  mkdirSync(mifs);
  writeFileSync(join(content, 'exit.sh'), 'pwd > ran-in.txt\nexit "$1"\n');
  writeFileSync(join(content, 'failed.mif'), fixture('success-crlf.mif').replace('"Success"', '"Failed"'));
  // Leaves a status MIF as an installer would, then says all went well.
  writeFileSync(join(content, 'install.sh'), 'cp "$1" "$2"\nexit 0\n');
  writeFileSync(join(content, 'slow.sh'), 'sleep 30\n');
});
afterEach(() => {
  // Only the process groups these tests started and left past their maximum run time.
  for (const pid of leftRunning.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  temp.remove();
});

const run = (commandLine: string, more: Partial<RunProgramOptions> = {}): Promise<ProgramRun> =>
  runProgram({ commandLine, startIn: content, runFrom: 'cache', runMode: 'adminRights', maxRunTimeMs: 20_000, pkg, mifFolders: [mifs], ...more });

describe.skipIf(process.platform === 'win32')('runProgram', () => {
  it('runs the command line through the shell in its start-in folder and records the run', async () => {
    const result = await run('sh ./exit.sh 0', { runFrom: 'distributionPoint', runMode: 'userRights' });
    expect(result).toMatchObject({ state: 'ended', exitCode: 0, signal: null, mif: null, runFrom: 'distributionPoint', runMode: 'userRights', commandLine: 'sh ./exit.sh 0', outcome: { result: 'success', messageId: 10008 } });
    expect(readFileSync(join(content, 'ran-in.txt'), 'utf8').trim()).toBe(realpathSync(content));
    if (result.state !== 'ended') return;
    expect(result.endedAt.getTime()).toBeGreaterThanOrEqual(result.startedAt.getTime());
  });

  it('classifies 1 as a failure and 5 (access denied) as one to retry later', async () => {
    expect(await run('sh ./exit.sh 1')).toMatchObject({ exitCode: 1, outcome: { result: 'failed', messageId: 10006, retryLater: false } });
    expect(await run('sh ./exit.sh 5')).toMatchObject({ exitCode: 5, outcome: { result: 'failed', messageId: 10006, retryLater: true } });
  });

  it('lets a status MIF written during the run decide over exit code 0, and tells execmgr.log', async () => {
    const logs = new LogWriter({ folder: join(temp.path, 'logs') });
    const result = await run(`sh ./install.sh failed.mif '${mifs}/widget.mif'`, { logs });
    const lines = readFileSync(join(temp.path, 'logs', 'execmgr.log'), 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^<!\[LOG\[Executing program sh \.\/install\.sh .* \(administrative rights, from the cache\)\.\]LOG\]!>.*type="1"/);
    expect(lines[1]).toMatch(/exited with exit code 0\. Status MIF .*widget\.mif says Failed: Installed\./);
    expect(lines[2]).toMatch(/failed \(10007\)\.\]LOG\]!>.*type="3"/);
    expect(result).toMatchObject({ state: 'ended', exitCode: 0, outcome: { result: 'failed', messageId: 10007 }, mif: { path: join(mifs, 'widget.mif'), mif: { status: 'Failed', product: 'Widget Pro' } } });
  });

  it('passes over a MIF from before the start, one of another product, and one not named as the program says', async () => {
    const old = join(mifs, 'old.mif');
    writeFileSync(old, fixture('success-crlf.mif'));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, hourAgo, hourAgo);
    writeFileSync(join(content, 'other.mif'), fixture('success-crlf.mif').replace('"Widget Pro"', '"Gadget"').replace('"Success"', '"Failed"'));
    expect(await run(`sh ./install.sh other.mif '${mifs}/other.mif'`)).toMatchObject({ exitCode: 0, mif: null, outcome: { messageId: 10008 } });
    expect(await run(`sh ./install.sh failed.mif '${mifs}/widget.mif'`, { mifFileName: 'setup' })).toMatchObject({ mif: null, outcome: { messageId: 10008 } });
    expect(await run(`sh ./install.sh failed.mif '${mifs}/SETUP.MIF'`, { mifFileName: 'setup' })).toMatchObject({ outcome: { messageId: 10007 } });
    // The package's MIF file name, as its Reporting settings give it, does the same.
    expect(await run(`sh ./install.sh failed.mif '${mifs}/widget.mif'`, { pkg: { ...pkg, mifFileName: 'viewer' } })).toMatchObject({ mif: null, outcome: { messageId: 10008 } });
    expect(await run(`sh ./install.sh failed.mif '${mifs}/viewer.mif'`, { pkg: { ...pkg, mifFileName: 'VIEWER.MIF' } })).toMatchObject({ outcome: { messageId: 10007 } });
  });

  it('stops watching a program past its maximum run time and leaves it running', async () => {
    const result = await run('sh ./slow.sh', { maxRunTimeMs: 300 });
    expect(result.state).toBe('not-monitored');
    if (result.state !== 'not-monitored') return;
    leftRunning.push(result.pid);
    expect(result.maxRunTimeMs).toBe(300);
    // Signal 0 only asks whether the process is there.
    expect(() => process.kill(result.pid, 0)).not.toThrow();
  });

  it('reports a missing start-in folder as not started (10003), and refuses bad input by field', async () => {
    expect(await run('sh ./exit.sh 0', { startIn: join(temp.path, 'gone') })).toMatchObject({ state: 'not-started', messageId: 10003, reason: expect.stringMatching(/start-in folder .*gone cannot be opened \(ENOENT\)/) });
    await expect(run('sh ./exit.sh 0\nrm -rf /')).rejects.toThrow(/commandLine holds a control character/);
    await expect(run('  ')).rejects.toThrow(/commandLine is empty/);
    await expect(run('sh ./exit.sh 0', { startIn: 'relative' })).rejects.toThrow(/startIn "relative" is not an absolute path/);
    await expect(run('sh ./exit.sh 0', { maxRunTimeMs: 0 })).rejects.toThrow(/maxRunTimeMs 0/);
    await expect(run('sh ./exit.sh 0', { maxRunTimeMs: 2 ** 31 })).rejects.toThrow(/maxRunTimeMs 2147483648 is not a whole number of milliseconds from 1 to 2147483647/);
  });
});

// An exit status is eight bits off Windows (wait(2)), so 3010 can only come back whole from cmd.exe.
describe.runIf(process.platform === 'win32')('runProgram on Windows', () => {
  it('classifies exit code 3010 as success with a restart pending', async () => {
    writeFileSync(join(content, 'reboot.cmd'), '@exit /b 3010\r\n');
    expect(await run('reboot.cmd')).toMatchObject({ exitCode: 3010, outcome: { result: 'success', messageId: 10022, restartPending: true } });
  });
});
