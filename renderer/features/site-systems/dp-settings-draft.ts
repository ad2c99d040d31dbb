import {
  boundarySchema,
  dpRuleProblems,
  dpVolumeSchema,
  maxReserveMb,
  posixPathProblem,
  type BoundaryKind,
  type DistributionPointDto,
  type DpMode,
  type ShareProvider,
} from '../../../core/api';

/** A volume row as the admin types it: the reserve stays text until it is a whole number. */
export interface VolumeDraft {
  readonly letter: string;
  readonly path: string;
  readonly reserveMb: string;
}

export interface BoundaryDraft {
  readonly kind: BoundaryKind;
  readonly value: string;
}

/** What the New Site System Server Wizard and the DP's Properties edit about its distribution point role. */
export interface DpSettingsDraft {
  readonly volumes: readonly VolumeDraft[];
  readonly shareProvider: ShareProvider;
  readonly sambaConf: string;
  readonly bitsEnabled: boolean;
  readonly protected: boolean;
  readonly boundaries: readonly BoundaryDraft[];
  readonly shareReserveMb: string;
}

/** Messages by field: `volumes`, `volumes.0.path`, `sambaConf`, `boundaries.1.value` … as the core names them. */
export type DpIssues = Readonly<Record<string, string>>;

/**
 * A volume row's fields in the order its problems are taken: the row shows the first, and the
 * footer of a wizard page or Properties sheet names the same one as what blocks it.
 */
export const volumeRowFields: readonly (keyof VolumeDraft)[] = ['letter', 'path', 'reserveMb'];

export const volumeField = (index: number, name: keyof VolumeDraft): string => `volumes.${index}.${name}`;

/** The problem a volume row shows: the first of its fields that has one. */
export function volumeRowIssue(issues: DpIssues, index: number): string | undefined {
  for (const name of volumeRowFields) {
    const issue = issues[volumeField(index, name)];
    if (issue !== undefined) return issue;
  }
  return undefined;
}

export const shareProviderLabels: Readonly<Record<ShareProvider, string>> = {
  local: 'Local folders (no shares)',
  samba: 'Samba',
  windows: 'Windows (SMB shares)',
};

export const boundaryKindLabels: Readonly<Record<BoundaryKind, string>> = {
  ipSubnet: 'IP subnet',
  ipRange: 'IP address range',
  adSite: 'Active Directory site',
};

export const boundaryExamples: Readonly<Record<BoundaryKind, string>> = {
  ipSubnet: '10.1.0.0/16',
  ipRange: '10.1.0.1-10.1.0.200',
  adSite: 'Default-First-Site-Name',
};

export function newDpSettingsDraft(): DpSettingsDraft {
  return { volumes: [], shareProvider: 'local', sambaConf: '', bitsEnabled: false, protected: false, boundaries: [], shareReserveMb: '0' };
}

export function dpSettingsDraftOf(dp: DistributionPointDto): DpSettingsDraft {
  return {
    volumes: dp.volumes.map((v) => ({ letter: v.letter, path: v.path, reserveMb: String(v.reserveMb) })),
    shareProvider: dp.shareProvider,
    sambaConf: dp.sambaConf ?? '',
    bitsEnabled: dp.bitsEnabled,
    protected: dp.protected,
    boundaries: dp.boundaries.map((b) => ({ kind: b.kind, value: b.value })),
    shareReserveMb: String(dp.shareReserveMb ?? 0),
  };
}

/** The first letter not yet taken, from D (as a new volume is usually a data drive). */
export function freeLetter(volumes: readonly VolumeDraft[]): string {
  const taken = new Set(volumes.map((v) => v.letter.slice(0, 1).toUpperCase()));
  const order = 'DEFGHIJKLMNOPQRSTUVWXYZABC';
  for (const letter of order) if (!taken.has(letter)) return letter;
  return '';
}

function reserveValue(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 10) return null;
  for (const c of trimmed) if (c < '0' || c > '9') return null;
  return Number(trimmed);
}

function reserveProblem(text: string): string | null {
  const value = reserveValue(text);
  if (value === null) return 'The reserve is a whole number of MB, 0 or more.';
  return value > maxReserveMb ? `The reserve can be at most ${maxReserveMb} MB (1 PiB).` : null;
}

/** The same checks the core runs (the contract's schemas and rules), by field, for the mode the DP is in. */
export function dpSettingsIssues(draft: DpSettingsDraft, mode: DpMode): DpIssues {
  const issues: Record<string, string> = {};
  const put = (field: string, message: string) => {
    if (issues[field] === undefined) issues[field] = message;
  };
  if (mode === 'server') {
    draft.volumes.forEach((volume, i) => {
      const row: Record<string, string> = {};
      const reserve = reserveProblem(volume.reserveMb);
      if (reserve !== null) row.reserveMb = reserve;
      const parsed = dpVolumeSchema.safeParse({ letter: volume.letter, path: volume.path, reserveMb: 0 });
      if (!parsed.success) for (const issue of parsed.error.issues) row[String(issue.path[0] ?? 'path')] ??= issue.message;
      // In the row's order: a wizard page names the first problem it holds as what keeps it.
      for (const name of volumeRowFields) {
        const message = row[name];
        if (message !== undefined) put(volumeField(i, name), message);
      }
    });
  } else {
    const reserve = reserveProblem(draft.shareReserveMb);
    if (reserve !== null) put('shareReserveMb', reserve);
  }
  if (draft.protected) {
    draft.boundaries.forEach((boundary, i) => {
      const parsed = boundarySchema.safeParse(boundary);
      if (!parsed.success) for (const issue of parsed.error.issues) put(`boundaries.${i}.value`, issue.message);
    });
  }
  if (draft.shareProvider === 'samba' && draft.sambaConf.trim() !== '') {
    const problem = posixPathProblem(draft.sambaConf.trim());
    if (problem !== null) put('sambaConf', problem);
  }
  const input = dpSettingsInput(draft, mode);
  for (const { field, message } of dpRuleProblems({ ...input, mode, volumes: input.volumes.map((v) => ({ letter: v.letter.slice(0, 1).toUpperCase() })) })) put(field, message);
  return issues;
}

export interface DpSettingsInput {
  readonly volumes: { letter: string; path: string; reserveMb: number }[];
  readonly shareProvider: ShareProvider;
  readonly sambaConf: string;
  readonly bitsEnabled: boolean;
  readonly protected: boolean;
  readonly boundaries: { kind: BoundaryKind; value: string }[];
  readonly shareReserveMb: number;
}

/** The request's settings: volumes only for a server DP, boundaries only while protected, smb.conf only for Samba. */
export function dpSettingsInput(draft: DpSettingsDraft, mode: DpMode): DpSettingsInput {
  return {
    volumes: mode === 'server' ? draft.volumes.map((v) => ({ letter: v.letter.trim(), path: v.path.trim(), reserveMb: reserveValue(v.reserveMb) ?? 0 })) : [],
    shareProvider: draft.shareProvider,
    sambaConf: draft.shareProvider === 'samba' ? draft.sambaConf.trim() : '',
    bitsEnabled: draft.bitsEnabled,
    protected: draft.protected,
    boundaries: draft.protected ? draft.boundaries.map((b) => ({ kind: b.kind, value: b.value.trim() })) : [],
    shareReserveMb: mode === 'serverShare' ? (reserveValue(draft.shareReserveMb) ?? 0) : 0,
  };
}

/** The field a core error's dotted path names (`volumes.0.path`, `boundaries`, `sambaConf`). */
export function dpFieldOfError(path: string | undefined): string | undefined {
  if (path === undefined || path === '') return undefined;
  const parts = path.split('.');
  const head = parts[0] ?? '';
  if ((head === 'volumes' || head === 'boundaries') && parts.length >= 3) return `${head}.${parts[1]}.${parts[2]}`;
  if ((head === 'volumes' || head === 'boundaries') && parts.length === 2) return head === 'volumes' ? `volumes.${parts[1]}.path` : `boundaries.${parts[1]}.value`;
  return head;
}

/** A field's label, for the footer's link to a problem. */
export function dpFieldLabel(field: string): string {
  if (field.startsWith('volumes.')) {
    const [, index, part] = field.split('.');
    const what = part === 'letter' ? 'drive letter' : part === 'reserveMb' ? 'reserve' : 'path';
    return `Volume ${Number(index) + 1} ${what}`;
  }
  if (field.startsWith('boundaries.')) return `Boundary ${Number(field.split('.')[1]) + 1}`;
  const labels: Readonly<Record<string, string>> = {
    volumes: 'Volumes',
    boundaries: 'Boundaries',
    sambaConf: 'smb.conf',
    shareProvider: 'Share provider',
    shareReserveMb: 'Reserve',
    bitsEnabled: 'BITS',
    protected: 'Protected',
    name: 'Name',
    serverShare: 'Share',
  };
  return labels[field] ?? field;
}

/** The tab or page that shows a DP setting. */
export function dpFieldPlace(field: string): 'general' | 'protected' {
  return field === 'protected' || field.startsWith('boundaries') ? 'protected' : 'general';
}
