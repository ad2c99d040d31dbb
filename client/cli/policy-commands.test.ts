import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerBody } from '../../test/helpers/client-policy';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { run } from './main';

let temp: TempDir;
let out: string[];
let err: string[];
const io = () => ({ out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: temp.path });
const write = (name: string, content: unknown) => writeFileSync(join(temp.path, name), typeof content === 'string' ? content : JSON.stringify(content));

beforeEach(() => {
  temp = makeTempDir('courier-client-policy-');
  out = [];
  err = [];
  write('asap.json', offerBody({ options: { mandatory: { asSoonAsPossible: true }, present: { enabled: true, isGmt: true } }, program: { canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
  write('context.json', {
    machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1.7601' },
    session: { kind: 'user', user: 'CONTOSO\\ann' },
    history: [],
    receivedAt: '2026-12-01T07:00:00Z',
    now: '2026-12-01T12:00:00Z',
  });
});
afterEach(() => temp.remove());

describe('courier-client policy', () => {
  it('check prints what the agent reads of a body, and refuses a mangled one by its field', async () => {
    expect(await run(['policy', 'check', 'asap.json'], io())).toBe(0);
    expect(out.join('')).toBe('A0120000 Viewer: A0100001 Install (computer), source version 1\n');
    write('bad.json', { ...offerBody(), formatVersion: 2 });
    expect(await run(['policy', 'check', 'bad.json'], io())).toBe(1);
    expect(err.join('')).toBe('courier-client: The offer body is refused at formatVersion: This agent reads offer bodies of formatVersion 1 only.\n');
  });

  it('evaluate prints the decision and when to evaluate again, or JSON; --now overrides the file', async () => {
    expect(await run(['policy', 'evaluate', 'asap.json', '--context', 'context.json'], io())).toBe(0);
    expect(out.join('')).toBe('run: Run for the assignment as soon as possible, no maintenance window applies.\nEvaluate again: 2026-12-01T12:00:00.000Z\n');
    out = [];
    expect(await run(['policy', 'evaluate', 'asap.json', '--context', 'context.json', '--now', '2026-11-30T00:00:00Z', '--json'], io())).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ kind: 'notYetAvailable', availableAt: '2026-12-01T08:00:00.000Z', nextEvaluation: '2026-12-01T08:00:00.000Z', reason: 'The advertisement is available from 2026-12-01T08:00:00.000Z.' });
  });

  it('refuses a context by its field, a file that is not JSON, a huge file unread, and a missing --context as a usage error', async () => {
    write('no-zone.json', { machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1' }, session: { kind: 'none' }, receivedAt: '2026-12-01T07:00' });
    expect(await run(['policy', 'evaluate', 'asap.json', '--context', 'no-zone.json'], io())).toBe(1);
    write('bad-user.json', { machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1' }, session: { kind: 'user', user: 'ann\r\n' }, receivedAt: '2026-12-01T07:00:00Z' });
    expect(await run(['policy', 'evaluate', 'asap.json', '--context', 'bad-user.json'], io())).toBe(1);
    write('text.json', 'not json {');
    expect(await run(['policy', 'check', 'text.json'], io())).toBe(1);
    write('huge.json', `"${'x'.repeat(1024 * 1024)}"`);
    expect(await run(['policy', 'check', 'huge.json'], io())).toBe(1);
    expect(err).toEqual([
      'courier-client: The context is refused at receivedAt: receivedAt is an ISO 8601 instant with a zone, for example 2026-12-02T08:00:00Z.\n',
      'courier-client: The context is refused at session.user: A user is DOMAIN\\name (no control characters).\n',
      expect.stringMatching(/^courier-client: text\.json: not JSON \(/),
      'courier-client: huge.json: the file is larger than 1 MiB, which no offer body is; it was not read\n',
    ]);
    expect(await run(['policy', 'evaluate', 'asap.json'], { ...io(), err: () => undefined })).toBe(2);
  });
});
