import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTraceLine } from '../formats/trace-log';
import type { SiteRoot } from './site-root';

/** smsprov.log for the provider (every request), one file per site component (distmgr.log …). */
export type LogFile = `${string}.log`;

export interface SiteLog {
  write(file: LogFile, component: string, text: string): void;
}

export function createSiteLog(root: SiteRoot, now: () => Date): SiteLog {
  return {
    write(file, component, text) {
      try {
        appendFileSync(join(root.logs, file), `${formatTraceLine(text, component, now(), process.pid)}\r\n`);
      } catch {
        // A full or read-only log folder must not fail the admin's request; the database is the record.
      }
    },
  };
}
