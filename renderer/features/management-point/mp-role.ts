import type { MpStatusDto } from '../../../core/api';

/** The role's name, as the suite names it in Site Systems. */
export const mpRoleName = 'ConfigMgr Management Point';

/** The role row's key in a site system's list: a DP's name is a server name or share, never this. */
export const mpRoleKey = mpRoleName;

export type MpHealth = 'running' | 'stopped' | 'error';

export function mpHealth(status: MpStatusDto): MpHealth {
  if (status.running) return 'running';
  return status.error === null ? 'stopped' : 'error';
}

export const mpHealthLabels: Readonly<Record<MpHealth, string>> = { running: 'Running', stopped: 'Stopped', error: 'Error' };

/** The State cell: the word, and for an error why it does not listen (the port taken, a certificate unreadable). */
export function mpStateText(status: MpStatusDto | undefined): string {
  if (status === undefined) return '';
  const health = mpHealth(status);
  return health === 'error' ? `Error: ${status.error}` : mpHealthLabels[health];
}

/** Clients total, and how many wait for approval. */
export function mpClientsText(status: MpStatusDto | undefined): string {
  if (status === undefined) return '';
  const { total, pending, blocked } = status.clients;
  const parts = [`${total} ${total === 1 ? 'client' : 'clients'}`];
  if (pending > 0) parts.push(`${pending} pending`);
  if (blocked > 0) parts.push(`${blocked} blocked`);
  return parts.join(', ');
}

/** Where clients reach it, or why they cannot. */
export function mpAddressText(status: MpStatusDto | undefined): string {
  if (status === undefined) return '';
  return status.url ?? 'Not listening';
}

/** "N messages refused" in N uploads, or None: what the Status tab says of malformed uploads. */
export function mpRefusedText(status: MpStatusDto): string {
  const { uploads, messages } = status.refused;
  if (uploads === 0) return 'None';
  return `${messages} ${messages === 1 ? 'message' : 'messages'} refused in ${uploads} ${uploads === 1 ? 'upload' : 'uploads'}`;
}
