import { boundaryKindLabels, dpSettingsInput, shareProviderLabels } from './dp-settings-draft';
import type { NewSiteSystemState } from './new-site-system-reducer';

export interface SummaryRow {
  readonly label: string;
  readonly value: string;
}

/** What the Summary page lists: what will be created, in the wizard's words. */
export function dpSummary(state: NewSiteSystemState, siteCode: string): readonly SummaryRow[] {
  const { draft, mode } = state;
  const settings = dpSettingsInput(draft.settings, mode);
  const rows: SummaryRow[] = [];
  if (mode === 'serverShare') rows.push({ label: 'Share', value: draft.serverShare.trim() });
  rows.push({ label: mode === 'server' ? 'Server' : 'Distribution point name', value: draft.name.trim() });
  rows.push({ label: 'Site code', value: siteCode });
  rows.push({ label: 'Roles', value: 'ConfigMgr Distribution Point' });
  if (mode === 'server') {
    rows.push({
      label: settings.volumes.length === 1 ? 'Volume' : 'Volumes',
      value: settings.volumes.map((v) => `${v.letter.slice(0, 1).toUpperCase()}: ${v.path} (reserve ${v.reserveMb} MB)`).join('\n'),
    });
  } else rows.push({ label: 'Reserve', value: `${settings.shareReserveMb} MB` });
  rows.push({ label: 'Share provider', value: shareProviderLabels[settings.shareProvider] + (settings.sambaConf ? `, ${settings.sambaConf}` : '') });
  rows.push({ label: 'BITS', value: settings.bitsEnabled ? 'Enabled' : 'Not enabled' });
  rows.push({
    label: 'Protected',
    value: settings.protected ? `Yes: ${settings.boundaries.map((b) => `${b.value} (${boundaryKindLabels[b.kind]})`).join(', ')}` : 'No',
  });
  return rows;
}
