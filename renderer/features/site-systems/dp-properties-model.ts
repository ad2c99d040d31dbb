import type { BoundaryKind, DistributionPointDto, DpMode, ShareProvider } from '../../../core/api';
import { propertiesModel, type PropertiesModel } from '../../components/property-sheet';
import {
  dpFieldLabel,
  dpFieldOfError,
  dpFieldPlace,
  dpSettingsDraftOf,
  dpSettingsInput,
  dpSettingsIssues,
  volumeField,
  volumeRowFields,
  type DpIssues,
  type DpSettingsDraft,
} from './dp-settings-draft';

export type DpPropertiesTab = 'general' | 'protected' | 'groups';

export const dpPropertiesTabs: readonly { readonly id: DpPropertiesTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'protected', label: 'Protected' },
  { id: 'groups', label: 'Group Membership' },
];

/** What distribution-points:update takes: only what the admin changed. */
export interface DpChangesInput {
  bitsEnabled?: boolean;
  protected?: boolean;
  boundaries?: { kind: BoundaryKind; value: string }[];
  shareProvider?: ShareProvider;
  sambaConf?: string;
  volumes?: { letter: string; path: string; reserveMb: number }[];
  shareReserveMb?: number;
}

export interface DpPropertiesSpec {
  readonly saved: DistributionPointDto;
  readonly draft: DpSettingsDraft;
  readonly edit: Partial<DpSettingsDraft>;
  readonly changes: DpChangesInput;
  readonly issues: DpIssues;
  readonly tab: DpPropertiesTab;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changes, compared as the request would send them (trimmed, volumes with upper-case letters). */
export function dpChanges(saved: DistributionPointDto, draft: DpSettingsDraft): DpChangesInput {
  const now = dpSettingsInput(draft, saved.mode);
  const was = dpSettingsInput(dpSettingsDraftOf(saved), saved.mode);
  const norm = (volumes: DpChangesInput['volumes'] = []) => volumes.map((v) => ({ ...v, letter: v.letter.slice(0, 1).toUpperCase() }));
  const changes: DpChangesInput = {};
  if (now.bitsEnabled !== was.bitsEnabled) changes.bitsEnabled = now.bitsEnabled;
  if (now.protected !== was.protected) changes.protected = now.protected;
  if (!same(now.boundaries, was.boundaries)) changes.boundaries = now.boundaries;
  if (now.shareProvider !== was.shareProvider) changes.shareProvider = now.shareProvider;
  if (now.sambaConf !== was.sambaConf) changes.sambaConf = now.sambaConf;
  if (saved.mode === 'server' && !same(norm(now.volumes), norm(was.volumes))) changes.volumes = now.volumes;
  if (saved.mode === 'serverShare' && now.shareReserveMb !== was.shareReserveMb) changes.shareReserveMb = now.shareReserveMb;
  return changes;
}

function fieldsOf(draft: DpSettingsDraft): string[] {
  const fields = ['volumes'];
  draft.volumes.forEach((_, i) => fields.push(...volumeRowFields.map((name) => volumeField(i, name))));
  fields.push('shareReserveMb', 'shareProvider', 'sambaConf', 'bitsEnabled', 'protected', 'boundaries');
  draft.boundaries.forEach((_, i) => fields.push(`boundaries.${i}.value`));
  return fields;
}

function modelFor(mode: DpMode): PropertiesModel<DpPropertiesSpec> {
  return propertiesModel<DpPropertiesSpec>({
    draftOf: dpSettingsDraftOf,
    apply: (draft, edit) => ({ ...draft, ...edit }),
    changes: dpChanges,
    issues: (draft) => dpSettingsIssues(draft, mode),
    fieldTabs: (draft) => Object.fromEntries(fieldsOf(draft).map((field) => [field, dpFieldPlace(field)])),
    fieldLabel: (field) => dpFieldLabel(field),
    // The update request nests the settings under `changes`.
    fieldOfError: (path) => dpFieldOfError(path?.startsWith('changes.') ? path.slice('changes.'.length) : path),
    firstTab: 'general',
  });
}

export const dpPropertiesModels: Readonly<Record<DpMode, PropertiesModel<DpPropertiesSpec>>> = {
  server: modelFor('server'),
  serverShare: modelFor('serverShare'),
};
