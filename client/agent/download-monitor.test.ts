import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { DownloadMonitor, requestDownloadControl } from './download-monitor';
import { readDownloads } from './download-state';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir('courier-download-monitor-');
});
afterEach(() => temp.remove());

const subject = { advertisementId: 'A0120000', packageId: 'A0100001', sourceVersion: 3, programName: 'Install', mandatory: false };
/** The ID of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe("the agent's downloads, as the Program Download Monitor reads them", () => {
  it('publishes a download as it goes (downloading, verifying) and removes it when it ends', () => {
    const monitor = new DownloadMonitor(temp.path);
    const handle = monitor.begin(subject);
    handle.source('http://dp01/SMS_DP_SMSPKGD$/A0100001/', 2000);
    expect(readDownloads(temp.path).entries).toEqual([
      expect.objectContaining({ ...subject, state: 'downloading', bytesDone: 0, totalBytes: 2000, distributionPoint: 'http://dp01/SMS_DP_SMSPKGD$/A0100001/', runWhenFinished: true, pid: process.pid, startedAt: expect.any(String) }),
    ]);
    handle.progress(2000, 2000);
    expect(readDownloads(temp.path).entries[0]).toMatchObject({ state: 'verifying', bytesDone: 2000 });
    handle.done();
    expect(existsSync(monitor.path)).toBe(false);
    expect(readDownloads(temp.path)).toEqual({ entries: [], problems: [] });
  });

  it('shows the downloads of a process that no longer runs as stopped, and a new writer clears them away', () => {
    const pid = deadPid();
    const old = new DownloadMonitor(temp.path, undefined, pid);
    old.begin(subject).source('http://dp01/SMS_DP_SMSPKGD$/A0100001/', 2000);
    expect(readDownloads(temp.path).entries).toEqual([expect.objectContaining({ state: 'stopped', pid, totalBytes: 2000, reason: expect.stringMatching(new RegExp(`The process that downloaded it \\(${pid}\\) no longer runs`)) })]);
    new DownloadMonitor(temp.path).pending({ ...subject, advertisementId: 'A0120001' }, 'space', 'The cache has no room for it yet.');
    expect(existsSync(old.path)).toBe(false);
    expect(readDownloads(temp.path).entries).toEqual([expect.objectContaining({ advertisementId: 'A0120001', state: 'pending', waitingFor: 'space' })]);
  });

  it('takes a cancel or a run-when-finished request meant for its own process, and no other', () => {
    const monitor = new DownloadMonitor(temp.path);
    const handle = monitor.begin(subject);
    requestDownloadControl(temp.path, 'cancel', 'a0120000', deadPid());
    handle.progress(10, 2000);
    expect(handle.signal.aborted).toBe(false);
    requestDownloadControl(temp.path, 'run-when-finished', 'A0120000', process.pid, false);
    handle.progress(20, 2000);
    expect(readDownloads(temp.path).entries[0]).toMatchObject({ runWhenFinished: false });
    expect(handle.runWhenFinished()).toBe(false);
    requestDownloadControl(temp.path, 'cancel', 'A0120000', process.pid);
    handle.progress(30, 2000);
    expect(handle.signal.aborted).toBe(true);
    expect(handle.cancelled).toBe(true);
    handle.markCancelled('Cancelled.');
    expect(readDownloads(temp.path).entries[0]).toMatchObject({ state: 'cancelled', reason: 'Cancelled.' });
    // A cancelled download shows while its advertisement is in policy.
    monitor.prune(new Set(), new Set(['A0120000']));
    expect(readDownloads(temp.path).entries).toHaveLength(1);
    monitor.prune(new Set(), new Set());
    expect(readDownloads(temp.path).entries).toEqual([]);

    // A mandatory assignment's program always runs when its download ends.
    const mandatory = monitor.begin({ ...subject, mandatory: true });
    requestDownloadControl(temp.path, 'run-when-finished', 'A0120000', process.pid, false);
    expect(mandatory.runWhenFinished()).toBe(true);
    expect(() => requestDownloadControl(temp.path, 'cancel', '../../etc/x', process.pid)).toThrow(/"\.\.\/\.\.\/etc\/x": /);
  });

  it('names a file it cannot read, and still lists the others', () => {
    const monitor = new DownloadMonitor(temp.path);
    monitor.pending(subject, 'distributionPoint', 'Content location offered no DP.');
    mkdirSync(join(temp.path, 'agent'), { recursive: true });
    writeFileSync(join(temp.path, 'agent', 'downloads-1.json'), '{"format":"courier-client-downloads","formatVersion":1,"pid":1,"entries":[{"state":"running"}]}');
    const listed = readDownloads(temp.path);
    expect(listed.entries).toEqual([expect.objectContaining({ state: 'pending', waitingFor: 'distributionPoint' })]);
    expect(listed.problems).toEqual([expect.stringMatching(/downloads-1\.json: refused at entries\.0\./)]);
    expect(JSON.parse(readFileSync(monitor.path, 'utf8'))).toMatchObject({ format: 'courier-client-downloads', pid: process.pid });
  });
});
