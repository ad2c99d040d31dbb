import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sameWindowsPath, sourcePathFormOf, trimTrailingSeparators, type PathMappingDto, type SiteMaintenanceDto, type SiteMaintenanceSetInput, type SourceRootsDto } from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { parseWholeNumber } from './parse-integer';
import { textTable } from './text-table';

export function formatPathMappings(mappings: readonly PathMappingDto[]): string {
  if (mappings.length === 0) return 'No path mappings. Add one with: courier site map-path \'\\\\server\\share\' /mnt/server/share';
  return textTable(
    ['UNC path', 'Local path'],
    mappings.map((m) => [m.uncPrefix, m.localPath]),
  );
}

export function formatSourceRoots(roots: SourceRootsDto): string {
  const limit = roots.limitBrowsing ? 'on: the console browses and reads files only under the source roots' : 'off: the console may browse the whole site server';
  const list = roots.roots.length > 0 ? roots.roots.map((root) => `  ${root}`).join('\n') : '  (none)';
  return `Browse only under the source roots: ${limit}\nSource roots:\n${list}`;
}

export function formatSiteMaintenance(maintenance: SiteMaintenanceDto): string {
  const task = maintenance.deleteAgedStatusMessages;
  const lastRun = task.lastRunAt === null ? 'never' : `${task.lastRunAt} (${task.lastDeleted ?? 0} deleted)`;
  return [
    `Delete Aged Status Messages: ${task.enabled ? 'enabled' : 'disabled'}`,
    `  Delete status messages older than: ${task.keepDays} ${task.keepDays === 1 ? 'day' : 'days'}`,
    `  Run at most every: ${task.everyHours} ${task.everyHours === 1 ? 'hour' : 'hours'}`,
    `  Last run: ${lastRun}`,
  ].join('\n');
}

/** A relative folder means one under the shell's current folder; Windows and UNC forms are passed on as typed. */
function absolute(path: string, cwd: string): string {
  return sourcePathFormOf(path) !== null ? path : resolve(cwd, path);
}

/**
 * `courier site map-path|unmap-path|path-mappings` (Site Properties › Path Mappings) and
 * `courier site source-roots|add-source-root|remove-source-root|limit-browsing`, and
 * `courier site maintenance` (Site Maintenance › Delete Aged Status Messages).
 */
export function registerSiteSettingsCommands(site: Command, { io, withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const mapPath = withGlobalOptions(
    site
      .command('map-path')
      .description('tell a site server on Linux where a UNC share is mounted (packages keep the UNC path)')
      .argument('<unc-path>', 'the share or folder as the console names it, such as \\\\fs01\\sources')
      .argument('<local-path>', 'where it is mounted on the site server, such as /mnt/fs01/sources'),
  );
  mapPath.addHelpText(
    'after',
    `
The longest mapped prefix of a UNC path wins, compared as Windows compares paths (case-insensitive).
Mapping a prefix again changes its local path.

Examples:
  courier site map-path '\\\\fs01\\sources' /mnt/fs01/sources
  courier site map-path '\\\\fs01\\sources\\office' /mnt/office-sources`,
  );
  mapPath.action((uncPrefix: string, localPath: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const mapping = unwrap(await core.client['site:path-mappings:set']({ uncPrefix, localPath: absolute(localPath, io.cwd) }));
      print(globals, mapping, () => `Mapped ${mapping.uncPrefix} to ${mapping.localPath}.`);
    }),
  );

  withGlobalOptions(
    site.command('unmap-path').description('remove the path mapping of a UNC path').argument('<unc-path>', 'the mapped UNC path, as listed by path-mappings'),
  ).action((uncPrefix: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const left = unwrap(await core.client['site:path-mappings:remove']({ uncPrefix }));
      print(globals, left, () => `Removed the mapping of ${uncPrefix}.\n\n${formatPathMappings(left)}`);
    }),
  );

  withGlobalOptions(site.command('path-mappings').description('list the path mappings (UNC path → local path on the site server)')).action(
    (_opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const mappings = unwrap(await core.client['site:path-mappings:list']({}));
        print(globals, mappings, () => formatPathMappings(mappings));
      }),
  );

  withGlobalOptions(site.command('source-roots').description('show the source roots and whether browsing is limited to them')).action(
    (_opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const roots = unwrap(await core.client['site:source-roots:get']({}));
        print(globals, roots, () => formatSourceRoots(roots));
      }),
  );

  withGlobalOptions(
    site.command('add-source-root').description('add a folder the console may browse when browsing is limited').argument('<path>', 'a local or UNC folder'),
  ).action((path: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const current = unwrap(await core.client['site:source-roots:get']({}));
      const roots = unwrap(await core.client['site:source-roots:set']({ roots: [...current.roots, absolute(path, io.cwd)] }));
      print(globals, roots, () => formatSourceRoots(roots));
    }),
  );

  withGlobalOptions(
    site.command('remove-source-root').description('remove a source root').argument('<path>', 'the root as listed by source-roots'),
  ).action((path: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const current = unwrap(await core.client['site:source-roots:get']({}));
      const wanted = absolute(path, io.cwd);
      const same = (root: string) =>
        sourcePathFormOf(root) === 'posix' ? trimTrailingSeparators(root) === trimTrailingSeparators(wanted) : sameWindowsPath(root, wanted);
      const kept = current.roots.filter((root) => !same(root));
      if (kept.length === current.roots.length) throw usageFailure(`${path} is not a source root; see courier site source-roots.`);
      const roots = unwrap(await core.client['site:source-roots:set']({ roots: kept }));
      print(globals, roots, () => formatSourceRoots(roots));
    }),
  );

  const limit = withGlobalOptions(
    site
      .command('limit-browsing')
      .description('browse only under the source roots (on), or anywhere on the site server (off, the default)')
      .argument('<on|off>', 'on or off'),
  );
  limit.addHelpText(
    'after',
    `
When on, the console's folder browser, source directory checks, package definition and Windows
Installer reads are limited to the source roots, after resolving .. and symbolic links. Turn it on
for a site served beyond this computer (npm run serve -- --host ...).

Examples:
  courier site add-source-root /srv/sources
  courier site limit-browsing on`,
  );
  limit.action((state: string, _opts: unknown, command: Command) => {
    if (state !== 'on' && state !== 'off') throw usageFailure(`Say on or off, not "${state}".`);
    return withCore(command, async (core, globals) => {
      const roots = unwrap(await core.client['site:source-roots:set']({ limitBrowsing: state === 'on' }));
      print(globals, roots, () => formatSourceRoots(roots));
    });
  });

  const maintenance = withGlobalOptions(
    site
      .command('maintenance')
      .description('show or change Site Maintenance › Delete Aged Status Messages (no option shows it)')
      .option('--delete-aged-status-messages <on|off>', 'run the task (on, the default) or not (off)')
      .option('--keep-days <days>', 'delete status messages older than this many days (1 to 365; 7 by default)', parseWholeNumber)
      .option('--every-hours <hours>', 'run at most once in this many hours (1 to 168; 24 by default)', parseWholeNumber),
  );
  maintenance.addHelpText(
    'after',
    `
SMS_INBOX_MANAGER runs the task while a console or courier serve runs, and reads these settings
each time it wakes, so a change applies without a restart.

Examples:
  courier site maintenance
  courier site maintenance --keep-days 30 --every-hours 12
  courier site maintenance --delete-aged-status-messages off`,
  );
  maintenance.action((opts: { deleteAgedStatusMessages?: string; keepDays?: number; everyHours?: number }, command: Command) => {
    const state = opts.deleteAgedStatusMessages;
    if (state !== undefined && state !== 'on' && state !== 'off') throw usageFailure(`--delete-aged-status-messages is on or off, not "${state}".`);
    const changes: SiteMaintenanceSetInput['deleteAgedStatusMessages'] = {
      ...(state !== undefined ? { enabled: state === 'on' } : {}),
      ...(opts.keepDays !== undefined ? { keepDays: opts.keepDays } : {}),
      ...(opts.everyHours !== undefined ? { everyHours: opts.everyHours } : {}),
    };
    return withCore(command, async (core, globals) => {
      const result = Object.keys(changes).length === 0
        ? unwrap(await core.client['site:maintenance:get']({}))
        : unwrap(await core.client['site:maintenance:set']({ deleteAgedStatusMessages: changes }));
      print(globals, result, () => formatSiteMaintenance(result));
    });
  });
}
