import type { PackageTarget } from '../../content/distribution';
import type { ContentResolver } from '../../content/http/content-server';
import type { ServedCopyRow } from '../../db/repositories/content-service-repository';
import { contentUrlFolderOf } from '../../domain/distribution-points';
import type { PathMapping } from '../../domain/path-mappings';
import { placeFromRow } from '../../site/dp-location';

interface Candidate {
  readonly target: PackageTarget;
  readonly serverName: string;
}

/**
 * The copies the service serves, by `<share>/<folder>` compared case-insensitively (as a Windows
 * share compares names). Two DPs can hold the same package under the same share name: the one
 * whose server name the request was sent to wins, otherwise the one with the newest source
 * version (the rows come newest first), so every request of one client lands on the same copy.
 */
export class ServedCopies implements ContentResolver {
  private readonly byKey = new Map<string, Candidate[]>();
  private longest = 1;
  /** Why a copy cannot be served from this computer (an unmapped UNC volume), one line per reason. */
  readonly problems: string[] = [];

  constructor(rows: readonly ServedCopyRow[], mappings: readonly PathMapping[]) {
    for (const { dp, volumes, row } of rows) {
      let target: PackageTarget;
      try {
        const place = placeFromRow(dp, volumes, row, mappings);
        if (!place) continue;
        target = place.target;
      } catch (error) {
        this.problems.push(`${row.packageId} on ${dp.name} cannot be served from this computer: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const folder = contentUrlFolderOf(row.folder ?? '.', row.packageId);
      const key = `${row.shareName ?? ''}/${folder}`.toLowerCase();
      this.longest = Math.max(this.longest, folder.split('/').length);
      const list = this.byKey.get(key) ?? [];
      list.push({ target, serverName: dp.serverName });
      this.byKey.set(key, list);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  resolve(share: string, segments: readonly string[], host: string | null): { target: PackageTarget; folderSegments: number } | null {
    for (let n = Math.min(this.longest, segments.length); n >= 1; n--) {
      const list = this.byKey.get(`${share}/${segments.slice(0, n).join('/')}`.toLowerCase());
      if (!list) continue;
      const wanted = host?.toLowerCase();
      const chosen = list.find((c) => c.serverName.toLowerCase() === wanted) ?? list[0]!;
      return { target: chosen.target, folderSegments: n };
    }
    return null;
  }
}
