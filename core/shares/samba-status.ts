import { CourierError } from '../api';
import type { ShareConnection } from './share-provider';

/**
 * Connections from `smbstatus --json` (Samba 4.16 and later): `tcons` are the tree connects (one per
 * client and share), `sessions` say who each one is, and `open_files` (keyed by full path, with the
 * share's folder as `service_path`) are tied to a tree connect by the smbd process that opened them.
 */
export interface SambaConnection extends ShareConnection {
  /** The smbd process serving this client: where smbcontrol sends close-share. */
  readonly pid: string;
}

interface ServerId {
  readonly pid?: string;
}
interface StatusJson {
  readonly sessions?: Record<string, { readonly username?: string; readonly remote_machine?: string; readonly hostname?: string }>;
  readonly tcons?: Record<string, { readonly service?: string; readonly session_id?: string; readonly machine?: string; readonly server_id?: ServerId }>;
  readonly open_files?: Record<string, { readonly service_path?: string; readonly filename?: string; readonly opens?: Record<string, { readonly server_id?: ServerId }> }>;
}

function parse(text: string): StatusJson {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as StatusJson;
  } catch {
    // answered below
  }
  throw new CourierError('INTERNAL', 'smbstatus --json did not answer JSON; Samba 4.16 or later is needed to see who is connected to a share.');
}

/** Connections to one share (its name compared without case, as Samba does), with the files each holds open in `sharePath`. */
export function sambaConnections(statusText: string, shareName: string, sharePath: string): SambaConnection[] {
  const status = parse(statusText);
  const wanted = shareName.toLowerCase();
  const filesByPid = new Map<string, string[]>();
  for (const file of Object.values(status.open_files ?? {})) {
    if (file.service_path !== sharePath || typeof file.filename !== 'string') continue;
    for (const open of Object.values(file.opens ?? {})) {
      const pid = open.server_id?.pid;
      if (pid === undefined) continue;
      const list = filesByPid.get(pid) ?? [];
      if (!list.includes(file.filename)) list.push(file.filename);
      filesByPid.set(pid, list);
    }
  }
  const connections: SambaConnection[] = [];
  for (const tcon of Object.values(status.tcons ?? {})) {
    if (tcon.service?.toLowerCase() !== wanted) continue;
    const pid = tcon.server_id?.pid ?? '';
    const session = tcon.session_id === undefined ? undefined : status.sessions?.[tcon.session_id];
    connections.push({
      user: session?.username ?? '',
      machine: session?.remote_machine ?? tcon.machine ?? '',
      files: (filesByPid.get(pid) ?? []).sort(),
      pid,
    });
  }
  return connections.sort((a, b) => a.user.localeCompare(b.user) || a.machine.localeCompare(b.machine));
}
