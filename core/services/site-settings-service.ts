import {
  CourierError,
  sameWindowsPath,
  sourcePathFormOf,
  trimTrailingSeparators,
  type PathMappingDto,
  type SiteMaintenanceDto,
  type SiteMaintenanceSetInput,
  type SourceRootsDto,
} from '../api';
import { inspectPath, requireAbsolute, type FileAccess } from '../content/file-access';
import type { FileGate } from '../content/file-gate';
import type { PathMappingRecord, SiteSettingsRepository } from '../db/repositories/site-settings-repository';
import type { StatusRetentionRepository } from '../db/repositories/status-retention-repository';
import { currentRequest } from './request-scope';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';

export interface SiteSettingsServiceDeps {
  readonly settings: SiteSettingsRepository;
  /** Site Maintenance › Delete Aged Status Messages, which Inbox Manager reads on each wake. */
  readonly statusRetention: StatusRetentionRepository;
  /** The change, its site:settings-changed event and its log line commit together (docs/site-components.md). */
  readonly work: UnitOfWork;
  readonly now: () => Date;
  /** The platform the site server runs on (process.platform; tests choose). */
  readonly platform: string;
  readonly gate: FileGate;
}

function toDto(record: PathMappingRecord): PathMappingDto {
  return { uncPrefix: record.uncPrefix, localPath: record.localPath, createdAt: record.createdAt, lastModified: record.lastModified };
}

/** Two roots are the same when they name the same folder: Windows forms as Windows compares them, POSIX ones exactly. */
function sameRoot(a: string, b: string): boolean {
  if (sourcePathFormOf(a) === 'posix' || sourcePathFormOf(b) === 'posix') return trimTrailingSeparators(a) === trimTrailingSeparators(b);
  return sameWindowsPath(a, b);
}

/** Site Properties › Path Mappings and the source roots, and the FileAccess they make for every read of the site server. */
export class SiteSettingsService {
  constructor(private readonly deps: SiteSettingsServiceDeps) {}

  listPathMappings(): PathMappingDto[] {
    return this.deps.settings.listPathMappings().map(toDto);
  }

  /**
   * Adds a mapping, or points an existing prefix (compared as Windows compares paths) at another
   * folder. The folder must be one on the site server (not a file, a FIFO or the kernel's /proc);
   * one that is not there yet is kept, with a notice, since a share is often mounted later.
   */
  async setPathMapping(uncPrefix: string, localPath: string): Promise<PathMappingDto> {
    if (this.deps.platform === 'win32') {
      throw new CourierError(
        'VALIDATION_FAILED',
        'This site server runs on Windows and opens UNC paths itself; Path Mappings are for site servers on Linux or macOS.',
        'uncPrefix',
      );
    }
    const prefix = trimTrailingSeparators(uncPrefix);
    const local = trimTrailingSeparators(localPath);
    requireAbsolute(local, 'localPath');
    let missing = false;
    await this.deps.gate.run(local, 'localPath', () =>
      inspectPath(local, local, 'folder', 'the folder the share is mounted on', 'localPath', this.deps.platform, () => {
        missing = true;
        return new CourierError('SOURCE_NOT_FOUND', local, 'localPath');
      }).catch((error: unknown) => {
        if (!missing) throw error;
      }),
    );
    if (missing) {
      currentRequest()?.notices.push(
        `${local} does not exist on the site server yet: paths under ${prefix} cannot be read until the share is mounted there.`,
      );
    }
    const stamp = this.deps.now().toISOString();
    const saved = this.deps.work.run((change) => {
      const existing = this.deps.settings.listPathMappings().find((m) => sameWindowsPath(m.uncPrefix, prefix));
      if (existing) {
        const updated: PathMappingRecord = { ...existing, uncPrefix: prefix, localPath: local, lastModified: stamp };
        this.deps.settings.updatePathMapping(updated);
        this.changed(change, 'pathMappings', `Mapped ${updated.uncPrefix} to ${updated.localPath}.`);
        return updated;
      }
      this.changed(change, 'pathMappings', `Mapped ${prefix} to ${local}.`);
      return this.deps.settings.insertPathMapping({ uncPrefix: prefix, localPath: local, createdAt: stamp, lastModified: stamp });
    });
    return toDto(saved);
  }

  removePathMapping(uncPrefix: string): PathMappingDto[] {
    this.deps.work.run((change) => {
      const existing = this.deps.settings.listPathMappings().find((m) => sameWindowsPath(m.uncPrefix, uncPrefix));
      if (!existing) {
        throw new CourierError('NOT_FOUND', `There is no path mapping for ${uncPrefix}. See the mappings with courier site path-mappings.`, 'uncPrefix');
      }
      this.deps.settings.deletePathMapping(existing.id);
      this.changed(change, 'pathMappings', `Removed the path mapping of ${existing.uncPrefix} (${existing.localPath}).`);
    });
    return this.listPathMappings();
  }

  sourceRoots(): SourceRootsDto {
    return { limitBrowsing: this.deps.settings.limitBrowsing(), roots: this.deps.settings.listSourceRoots() };
  }

  /** Changes what is given: `roots` replaces the list (duplicates dropped), `limitBrowsing` turns the limit on or off. */
  setSourceRoots(changes: { limitBrowsing?: boolean; roots?: readonly string[] }): SourceRootsDto {
    const stamp = this.deps.now().toISOString();
    return this.deps.work.run((change) => {
      let roots = this.deps.settings.listSourceRoots();
      if (changes.roots !== undefined) {
        roots = [];
        for (const root of changes.roots.map(trimTrailingSeparators)) if (!roots.some((kept) => sameRoot(kept, root))) roots.push(root);
        this.deps.settings.replaceSourceRoots(roots, stamp);
      }
      const limit = changes.limitBrowsing ?? this.deps.settings.limitBrowsing();
      if (limit && roots.length === 0) {
        throw new CourierError('VALIDATION_FAILED', 'Add at least one source root before limiting browsing to the source roots.', 'roots');
      }
      this.deps.settings.setLimitBrowsing(limit);
      this.changed(change, 'sourceRoots', `Source roots: ${roots.join(', ') || 'none'}; browsing ${limit ? 'limited to them' : 'not limited'}.`);
      return { limitBrowsing: limit, roots };
    });
  }

  maintenance(): SiteMaintenanceDto {
    return { deleteAgedStatusMessages: this.deps.statusRetention.get() };
  }

  /** Changes what is given of Delete Aged Status Messages; the schema bounds each number. */
  setMaintenance(changes: SiteMaintenanceSetInput): SiteMaintenanceDto {
    const stamp = this.deps.now().toISOString();
    return this.deps.work.run((change) => {
      const current = this.deps.statusRetention.get();
      const given = changes.deleteAgedStatusMessages;
      const next = { enabled: given.enabled ?? current.enabled, keepDays: given.keepDays ?? current.keepDays, everyHours: given.everyHours ?? current.everyHours, lastModified: stamp };
      this.deps.statusRetention.save(next);
      this.changed(
        change,
        'siteMaintenance',
        `Delete Aged Status Messages: ${next.enabled ? `enabled, keeping ${next.keepDays} days, at most every ${next.everyHours} hours` : 'disabled'}.`,
      );
      return { deleteAgedStatusMessages: this.deps.statusRetention.get() };
    });
  }

  /** How the site server reads files for the console right now (read per request: another process may have changed the settings). */
  fileAccess(): FileAccess {
    const limit = this.deps.settings.limitBrowsing();
    return {
      platform: this.deps.platform,
      mappings: this.deps.settings.listPathMappings(),
      sourceRoots: limit ? this.deps.settings.listSourceRoots() : null,
      gate: this.deps.gate,
    };
  }

  private changed(change: ChangeSet, setting: 'pathMappings' | 'sourceRoots' | 'siteMaintenance', detail: string): void {
    change.emit('site:settings-changed', { setting });
    change.log('smsprov.log', 'SMS_PROVIDER', `Site settings: ${detail}`);
  }
}
