import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageDto, PathMappingDto, SiteMaintenanceDto, SourceRootsDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeouts.
let data: TempDir;
const courier = (...args: string[]) => runCli(['--data-dir', join(data.path, 'site'), ...args]);

beforeAll(() => {
  data = makeTempDir('courier-cli-site-');
  mkdirSync(join(data.path, 'mnt', 'sources', 'Viewer'), { recursive: true });
});
afterAll(() => data.remove());

describe('courier site map-path, path-mappings, unmap-path', () => {
  it('maps a share so a package can keep its UNC source directory on a Linux site server', async () => {
    const unmapped = await courier('package', 'create', '--name', 'Viewer', '--source', '\\\\fs01\\sources\\Viewer');
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain("courier site map-path '\\\\fs01\\sources' /mnt/fs01/sources");

    const mapped = await courier('site', 'map-path', '\\\\fs01\\sources', join(data.path, 'mnt', 'sources'));
    expect([mapped.code, mapped.stdout]).toEqual([0, `Mapped \\\\fs01\\sources to ${join(data.path, 'mnt', 'sources')}.\n`]);
    const listed = await courier('site', 'path-mappings', '--json');
    expect((JSON.parse(listed.stdout) as PathMappingDto[]).map((m) => m.uncPrefix)).toEqual(['\\\\fs01\\sources']);

    const created = await courier('package', 'create', '--name', 'Viewer', '--source', '\\\\FS01\\Sources\\Viewer', '--json');
    expect(created.code).toBe(0);
    expect((JSON.parse(created.stdout) as PackageDto).sourceDirectory).toBe('\\\\FS01\\Sources\\Viewer');

    const removed = await courier('site', 'unmap-path', '\\\\fs01\\sources');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('No path mappings.');
    const again = await courier('site', 'unmap-path', '\\\\fs01\\sources', '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  }, 120_000);
});

describe('courier site source-roots, add-source-root, remove-source-root, limit-browsing', () => {
  it('turns the limit on only with a root, and off again', async () => {
    const refused = await courier('site', 'limit-browsing', 'on');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Add at least one source root');
    expect((await courier('site', 'limit-browsing', 'maybe')).code).toBe(2);

    const root = join(data.path, 'mnt');
    expect((await courier('site', 'add-source-root', root)).code).toBe(0);
    const on = await courier('site', 'limit-browsing', 'on', '--json');
    expect(JSON.parse(on.stdout)).toEqual({ limitBrowsing: true, roots: [root] } satisfies SourceRootsDto);
    const outside = await courier('package', 'create', '--name', 'Etc', '--source', '/etc');
    expect([outside.code, outside.stderr]).toEqual([1, expect.stringContaining('limits browsing to its source roots')]);

    expect((await courier('site', 'remove-source-root', '/nowhere')).code).toBe(2);
    const shown = await courier('site', 'source-roots');
    expect(shown.stdout).toContain(`Source roots:\n  ${root}`);
    expect((await courier('site', 'limit-browsing', 'off')).code).toBe(0);
    const removed = await courier('site', 'remove-source-root', root, '--json');
    expect(JSON.parse(removed.stdout)).toEqual({ limitBrowsing: false, roots: [] });
  }, 120_000);
});

describe('courier site maintenance', () => {
  it("shows Delete Aged Status Messages with the suite's defaults, changes what is given, and refuses what is out of range", async () => {
    const shown = await courier('site', 'maintenance');
    expect([shown.code, shown.stdout]).toEqual([
      0,
      'Delete Aged Status Messages: enabled\n  Delete status messages older than: 7 days\n  Run at most every: 24 hours\n  Last run: never\n',
    ]);
    const set = await courier('site', 'maintenance', '--keep-days', '30', '--every-hours', '6', '--json');
    expect(JSON.parse(set.stdout)).toMatchObject({ deleteAgedStatusMessages: { enabled: true, keepDays: 30, everyHours: 6, lastRunAt: null } } satisfies { deleteAgedStatusMessages: Partial<SiteMaintenanceDto['deleteAgedStatusMessages']> });
    const off = await courier('site', 'maintenance', '--delete-aged-status-messages', 'off');
    expect(off.stdout).toContain('Delete Aged Status Messages: disabled\n  Delete status messages older than: 30 days\n  Run at most every: 6 hours');

    const tooMany = await courier('site', 'maintenance', '--keep-days', '366');
    expect([tooMany.code, tooMany.stderr]).toEqual([1, expect.stringContaining('The days to keep status messages must be from 1 to 365.')]);
    expect((await courier('site', 'maintenance', '--every-hours', 'soon')).code).toBe(2);
    expect((await courier('site', 'maintenance', '--delete-aged-status-messages', 'maybe')).code).toBe(2);
    expect((await courier('site', 'maintenance')).stdout).toContain('30 days');
  }, 120_000);
});
