import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../core';
import type { ApiResult, StatusMessagePageDto, StatusQueryDto } from '../../core/api';
import { createSiteLog } from '../../core/site/site-log';
import { openSite } from '../../core/site/open-site';
import { openSitePlumbing } from '../../core/site/site-plumbing';
import { value } from '../helpers/api-result';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Status Message Queries over real messages in a real site database, through the contract and the CLI.

let data: TempDir;
let core: Core;
const dir = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', dir(), ...args]);
const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);
/** "Now" for the site: 2 days after the first message, so "the last day" holds only the late ones. */
const now = t0 + 2 * 86_400_000;
const dm = 'SMS_DISTRIBUTION_MANAGER';
const client = 'Software Distribution';
const dp = '["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\';

function refused<T>(result: ApiResult<T>): { code: string; field: string | undefined; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return { code: result.error.code, field: result.error.field, message: result.error.message };
}

beforeAll(() => {
  data = makeTempDir('courier-status-queries-');
  let clock = t0;
  const site = openSite(dir(), () => new Date(clock));
  const plumbing = openSitePlumbing({ db: site.db, root: site.root, log: createSiteLog(site.root, () => new Date(clock)), logAs: { file: 'distmgr.log', component: dm }, now: () => new Date(clock) });
  const report = (hours: number, component: string, messageId: number, strings: string[], attributes: Record<number, string>) => {
    clock = t0 + hours * 3_600_000;
    plumbing.work.run((change) => change.status({ component, messageId, insertionStrings: strings, attributes }));
  };
  report(0, dm, 2300, ['Office 2007', 'A0100001'], { 400: 'A0100001' });
  report(1, dm, 2328, ['A0100001', dp, 'Access is denied.'], { 400: 'A0100001', 404: dp });
  report(2, dm, 2330, ['A0100002', dp], { 400: 'A0100002', 404: dp });
  report(40, client, 10002, ['A0120000', 'A01', '', 'A0100001', 'Install'], { 401: 'A0120000', 400: 'A0100001' });
  report(41, client, 10006, ['A0120000', '1603', '', 'A0100001', 'Install'], { 401: 'A0120000', 400: 'A0100001' });
  report(42, client, 10002, ['A0120001', 'A01', '', 'A0100002', 'Install'], { 401: 'A0120001', 400: 'A0100002' });
  report(43, dm, 2328, ['A0100002', dp, 'The network path was not found.'], { 400: 'A0100002', 404: dp });
  site.db.close();
  core = createCore({ dataDir: dir(), now: () => new Date(now) });
});
afterAll(() => {
  core.close();
  data.remove();
});

const run = async (query: string, extra: Record<string, unknown> = {}): Promise<StatusMessagePageDto> =>
  value(await core.client['status-queries:run']({ query, ...extra }));
const ids = (page: StatusMessagePageDto) => page.messages.map((m) => m.messageId);

describe('the built-in status message queries', () => {
  it('are listed first, read-only, with their prompts declared', async () => {
    const list = value(await core.client['status-queries:list']({}));
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(list.every((q) => q.builtIn && /^SMS\d{5}$/.test(q.id) && q.createdAt === null)).toBe(true);
    const byName = (name: string) => list.find((q) => q.name === name) as StatusQueryDto;
    expect(byName('All Status Messages').prompts).toEqual([]);
    expect(byName('All Status Messages for a Specific Package').prompts).toEqual(['packageId']);
    expect(byName('Status Messages from a Specific System Since a Specific Time').prompts).toEqual(['machine', 'since']);

    expect(refused(await core.client['status-queries:delete']({ query: 'SMS00001' }))).toMatchObject({ code: 'FORBIDDEN', field: 'query' });
    expect(refused(await core.client['status-queries:update']({ query: 'all status messages', changes: { comment: 'mine' } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(value(await core.client['status-queries:get']({ query: 'sms00001' })).comment).toBe('Every status message the site holds.');
  });

  it('run with their prompts filled, and refuse a missing, foreign or malformed value by its field', async () => {
    expect(ids(await run('All Status Messages'))).toEqual([2328, 10002, 10006, 10002, 2330, 2328, 2300]);
    expect(ids(await run('SMS00002', { values: { packageId: 'a0100001' } }))).toEqual([10006, 10002, 2328, 2300]);
    expect(ids(await run('SMS00003', { values: { packageId: 'A0100002', distributionPoint: dp.toLowerCase() } }))).toEqual([2328, 2330]);
    expect(ids(await run('All Status Messages for a Specific Advertisement', { values: { advertisementId: 'A0120000' } }))).toEqual([10006, 10002]);
    expect(ids(await run('SMS00005', { values: { component: client } }))).toEqual([10002, 10006, 10002]);
    expect(ids(await run('Errors in the Last Day'))).toEqual([2328, 10006]);
    expect(ids(await run('Distribution Manager Failures', { order: 'oldest' }))).toEqual([2328, 2328]);
    expect(ids(await run('Clients That Failed to Run an Advertised Program'))).toEqual([10006]);
    expect(ids(await run('Clients That Received a Specific Advertisement', { values: { advertisementId: 'A0120001' } }))).toEqual([10002]);
    const machine = (await run('SMS00001')).messages[0]?.machine as string;
    expect(ids(await run('SMS00007', { values: { machine, since: '2026-12-02T00:00:00Z' } }))).toEqual([2328, 10002, 10006, 10002]);

    expect(refused(await core.client['status-queries:run']({ query: 'SMS00002' }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'values.packageId' });
    expect(refused(await core.client['status-queries:run']({ query: 'SMS00001', values: { packageId: 'A0100001' } }))).toMatchObject({ field: 'values.packageId' });
    expect(refused(await core.client['status-queries:run']({ query: 'SMS00002', values: { packageId: 'nope' } })).field).toBe('values.packageId');
    expect(refused(await core.client['status-queries:run']({ query: 'SMS00007', values: { machine, since: '2026-12-02T00:00' } }))).toMatchObject({ field: 'values.since', message: expect.stringContaining('no time zone') });
    expect(refused(await core.client['status-queries:run']({ query: 'SMS00001', values: { collectionId: 'x' } as never })).code).toBe('VALIDATION_FAILED');
    expect(refused(await core.client['status-queries:run']({ query: 'No such query' }))).toMatchObject({ code: 'NOT_FOUND', field: 'query' });
  });

  it('page with the status:messages cursor, no message twice', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await run('SMS00001', { limit: 3, ...(cursor !== undefined ? { cursor } : {}) });
      seen.push(...page.messages.map((m) => m.recordId));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(refused(await core.client['status-queries:run']({ query: 'SMS00001', cursor: 'garbage' }))).toMatchObject({ field: 'cursor' });
  });
});

describe("the site's own status message queries", () => {
  it('are created, found by ID or name, changed, run and deleted', async () => {
    const created = value(
      await core.client['status-queries:create']({
        name: 'DP01 copy failures',
        comment: 'Line one\nline two',
        criteria: { component: dm, messageIds: [2328], distributionPoint: dp, time: { kind: 'last', amount: 30, unit: 'hours' } },
      }),
    );
    expect(created).toMatchObject({ id: 'A01Q00001', builtIn: false, prompts: [], createdAt: new Date(now).toISOString() });
    expect(ids(await run('A01Q00001'))).toEqual([2328]);
    expect(ids(await run('dp01 COPY failures'))).toEqual([2328]);

    const prompted = value(await core.client['status-queries:update']({ query: 'A01Q00001', changes: { criteria: { component: dm, messageIds: [2328], prompts: ['distributionPoint'] } } }));
    expect(prompted.prompts).toEqual(['distributionPoint']);
    expect(ids(await run('A01Q00001', { values: { distributionPoint: dp } }))).toEqual([2328, 2328]);

    const list = value(await core.client['status-queries:list']({}));
    expect(list.at(-1)).toMatchObject({ id: 'A01Q00001', name: 'DP01 copy failures', comment: 'Line one\nline two' });
    const left = value(await core.client['status-queries:delete']({ query: 'DP01 copy failures' }));
    expect(left.some((q) => !q.builtIn)).toBe(false);
    expect(refused(await core.client['status-queries:get']({ query: 'A01Q00001' })).code).toBe('NOT_FOUND');
  });

  it('refuse duplicate names, built-in names, huge texts, control characters and contradictory criteria, writing nothing', async () => {
    value(await core.client['status-queries:create']({ name: 'Mine', criteria: {} }));
    const create = async (input: Record<string, unknown>) => refused(await core.client['status-queries:create']({ name: 'Other', criteria: {}, ...input } as never));
    expect(await create({ name: 'MINE' })).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await create({ name: 'all status messages' })).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await create({ name: 'A01Q00077' })).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await create({ name: 'x'.repeat(129) })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    expect(await create({ comment: 'y'.repeat(1_000_000) })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'comment' });
    expect(await create({ name: 'bell\u0007' })).toMatchObject({ field: 'name' });
    expect(await create({ criteria: { text: 'a\u0000b' } })).toMatchObject({ field: 'criteria.text' });
    expect(await create({ criteria: { packageId: 'A0100001', prompts: ['packageId'] } })).toMatchObject({ field: 'criteria.packageId' });
    expect(await create({ criteria: { prompts: ['machine', 'machine'] } })).toMatchObject({ field: 'criteria.prompts' });
    expect(await create({ criteria: { time: { kind: 'last', amount: 100_000, unit: 'days' } } })).toMatchObject({ field: 'criteria.time.amount' });
    expect(await create({ criteria: { component: '../../etc' } })).toMatchObject({ field: 'criteria.component' });
    expect(await create({ criteria: { messageIds: [70000] } })).toMatchObject({ field: 'criteria.messageIds.0' });
    expect(await create({ criteria: { since: '2026-12-01' } })).toMatchObject({ code: 'VALIDATION_FAILED' });
    const mine = value(await core.client['status-queries:list']({})).filter((q) => !q.builtIn);
    expect(mine.map((q) => q.name)).toEqual(['Mine']);
    expect(refused(await core.client['status-queries:update']({ query: 'Mine', changes: { name: 'Errors in the last day' } })).code).toBe('CONFLICT');
    value(await core.client['status-queries:delete']({ query: 'Mine' }));
  });
});

describe('status-queries:changed', () => {
  it('tells every console of a query created, changed or deleted here or by the CLI, and of nothing refused', async () => {
    const events: unknown[] = [];
    const stop = core.on('status-queries:changed', (event) => events.push(event));
    try {
      const made = value(await core.client['status-queries:create']({ name: 'Told of', criteria: { severity: 'error' } }));
      value(await core.client['status-queries:update']({ query: made.id, changes: { comment: 'Now with a comment' } }));
      value(await core.client['status-queries:delete']({ query: made.id }));
      expect(events).toEqual([
        { change: 'created', queryId: made.id },
        { change: 'updated', queryId: made.id },
        { change: 'deleted', queryId: made.id },
      ]);
      // Refused changes write nothing, so they tell of nothing.
      refused(await core.client['status-queries:create']({ name: 'Errors in the Last Day', criteria: {} }));
      refused(await core.client['status-queries:delete']({ query: 'SMS00001' }));
      expect(events).toHaveLength(3);

      // Another process's change reaches this core through the site's event feed.
      const cli = await courier('status', 'query', 'create', '--name', 'From the CLI', '--severity', 'warning', '--json');
      expect(cli.code).toBe(0);
      const fromCli = JSON.parse(cli.stdout) as StatusQueryDto;
      await vi.waitFor(() => expect(events).toContainEqual({ change: 'created', queryId: fromCli.id }), { timeout: 10_000 });
      value(await core.client['status-queries:delete']({ query: fromCli.id }));
    } finally {
      stop();
    }
  });
});

describe('courier status query', () => {
  it('lists, creates, runs with --set and pages with --after, deletes, as JSON', async () => {
    const list = await courier('status', 'query', 'list', '--json');
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as StatusQueryDto[])[0]).toMatchObject({ id: 'SMS00001', builtIn: true });

    const first = await courier('status', 'query', 'SMS00002', '--set', 'packageId=A0100001', '--limit', '2', '--json');
    expect(first.code).toBe(0);
    const page = JSON.parse(first.stdout) as StatusMessagePageDto;
    expect(page.messages.map((m) => m.messageId)).toEqual([10006, 10002]);
    expect(page.nextCursor).not.toBeNull();
    const second = JSON.parse((await courier('status', 'query', 'SMS00002', '--set', 'package=A0100001', '--after', page.nextCursor as string, '--json')).stdout) as StatusMessagePageDto;
    expect(second.messages.map((m) => m.messageId)).toEqual([2328, 2300]);
    expect(second.nextCursor).toBeNull();

    const missing = await courier('status', 'query', 'SMS00002', '--json');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('packageId');
    const badSet = await courier('status', 'query', 'SMS00002', '--set', 'colour=blue');
    expect(badSet.code).not.toBe(0);
    expect(badSet.stderr).toContain('--set');

    const created = await courier('status', 'query', 'create', '--name', 'Client failures', '--comment', 'from the CLI', '--component', client, '--severity', 'error', '--prompt', 'advertisementId', '--last', '3d', '--json');
    expect(created.code).toBe(0);
    const dto = JSON.parse(created.stdout) as StatusQueryDto;
    expect(dto).toMatchObject({ name: 'Client failures', criteria: { component: client, severity: 'error', prompts: ['advertisementId'], time: { kind: 'last', amount: 3, unit: 'days' } } });
    const ran = JSON.parse((await courier('status', 'query', 'Client failures', '--set', 'advertisement=A0120000', '--json')).stdout) as StatusMessagePageDto;
    expect(ran.messages.map((m) => m.messageId)).toEqual([10006]);

    const table = await courier('status', 'query', 'list');
    expect(table.stdout).toMatch(/Client failures +from the CLI/);
    const deleted = await courier('status', 'query', 'delete', dto.id);
    expect(deleted.code).toBe(0);
    const builtIn = await courier('status', 'query', 'delete', 'SMS00001');
    expect(builtIn.code).not.toBe(0);
    expect(builtIn.stderr).toContain('built-in');
  }, 180_000);
});

describe('courier status messages --after', () => {
  it('goes on after the cursor it printed on stderr, with --json still an array', async () => {
    const first = await courier('status', 'messages', '--limit', '3', '--json');
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as { recordId: number }[]).map((m) => m.recordId)).toEqual([7, 6, 5]);
    const cursor = /next page: --after (\S+)/.exec(first.stderr)?.[1];
    expect(cursor).toBeDefined();
    const rest = await courier('status', 'messages', '--limit', '10', '--after', cursor as string, '--json');
    expect((JSON.parse(rest.stdout) as { recordId: number }[]).map((m) => m.recordId)).toEqual([4, 3, 2, 1]);
    expect(rest.stderr).not.toContain('next page');
    const bad = await courier('status', 'messages', '--after', 'nonsense');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('cursor');
  }, 120_000);
});

describe('courier status messages --sort and --before', () => {
  it('sorts by any column, pages on with its own cursor, and refuses another sort\'s cursor', async () => {
    const recordIds = (stdout: string) => (JSON.parse(stdout) as { recordId: number }[]).map((m) => m.recordId);
    const first = await courier('status', 'messages', '--sort', 'component:desc', '--limit', '3', '--json');
    expect(first.code).toBe(0);
    // "Software Distribution" after "SMS_DISTRIBUTION_MANAGER" in any case; each component's messages newest first.
    expect(recordIds(first.stdout)).toEqual([6, 5, 4]);
    const cursor = /next page: --after (\S+)/.exec(first.stderr)?.[1] as string;
    const rest = await courier('status', 'messages', '--sort', 'component:desc', '--after', cursor, '--json');
    expect(recordIds(rest.stdout)).toEqual([7, 3, 2, 1]);
    const byId = await courier('status', 'messages', '--sort', 'MessageID', '--json');
    expect(recordIds(byId.stdout)).toEqual([1, 2, 7, 3, 4, 6, 5]);
    const other = await courier('status', 'messages', '--after', cursor);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('The cursor belongs to a list sorted by component descending, not Date/Time');
    const bad = await courier('status', 'messages', '--sort', 'colour:up');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--sort takes a column and, after a colon, asc or desc');
  }, 120_000);

  it('reads a viewing period up to an exclusive end, and one site\'s messages', async () => {
    const hour = 3_600_000;
    const period = await courier('status', 'messages', '--since', new Date(t0 + hour).toISOString(), '--before', new Date(t0 + 40 * hour).toISOString(), '--json');
    expect((JSON.parse(period.stdout) as { recordId: number }[]).map((m) => m.recordId)).toEqual([3, 2]);
    const elsewhere = await courier('status', 'messages', '--site-code', 'B02', '--json');
    expect(JSON.parse(elsewhere.stdout)).toEqual([]);
  }, 120_000);
});
