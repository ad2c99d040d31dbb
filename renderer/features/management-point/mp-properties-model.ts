import { mpSettingsChangesSchema, type MpSettingsChanges, type MpSettingsDto } from '../../../core/api';
import { wholeNumberIn } from '../../components/form-layout';
import { propertiesModel } from '../../components/property-sheet';

export type MpTab = 'general' | 'status';
export type MpField = 'address' | 'port' | 'certificateFile' | 'keyFile' | 'approval';

export const mpTabs: readonly { readonly id: MpTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'status', label: 'Status' },
];

/** The port stays text while typed, so a half-typed value is shown as it is and refused at its field. */
export interface MpDraft {
  readonly address: string;
  readonly port: string;
  readonly certificateFile: string;
  readonly keyFile: string;
  readonly approval: MpSettingsDto['approval'];
}

export const mpLabels: Readonly<Record<MpField, string>> = {
  address: 'IP address',
  port: 'Port',
  certificateFile: 'Certificate file',
  keyFile: 'Private key file',
  approval: 'Client approval',
};

const fields = Object.keys(mpLabels) as MpField[];

/** The core's message for a value, or none: the sheet checks with the contract's own schema. */
function schemaProblem(field: MpField, value: unknown): string | undefined {
  const result = mpSettingsChangesSchema.safeParse({ [field]: value });
  return result.success ? undefined : result.error.issues[0]?.message;
}

export function mpIssues(draft: MpDraft): Partial<Record<MpField, string>> {
  const issues: Partial<Record<MpField, string>> = {};
  const address = schemaProblem('address', draft.address.trim());
  if (address !== undefined) issues.address = address;
  const port = wholeNumberIn(draft.port);
  const portProblem = port === null ? 'The port is 0 (any free one) to 65535.' : schemaProblem('port', port);
  if (portProblem !== undefined) issues.port = portProblem;
  for (const field of ['certificateFile', 'keyFile'] as const) {
    const text = draft[field].trim();
    const problem = text === '' ? undefined : schemaProblem(field, text);
    if (problem !== undefined) issues[field] = problem;
  }
  // The core refuses one without the other; saying so at the empty one names what to fill in.
  const certificate = draft.certificateFile.trim() !== '';
  const key = draft.keyFile.trim() !== '';
  if (certificate !== key) issues[certificate ? 'keyFile' : 'certificateFile'] ??= 'HTTPS needs both a certificate file and a key file; set both, or clear both for HTTP.';
  return issues;
}

export interface MpSpec {
  readonly saved: MpSettingsDto;
  readonly draft: MpDraft;
  readonly edit: Partial<MpDraft>;
  readonly changes: MpSettingsChanges;
  readonly issues: Partial<Record<MpField, string>>;
  readonly tab: MpTab;
}

/** Management Point Properties, through management-point:get and management-point:update (docs/management-point.md). */
export const mpProperties = propertiesModel<MpSpec>({
  draftOf: (saved) => ({
    address: saved.address,
    port: String(saved.port),
    certificateFile: saved.certificateFile ?? '',
    keyFile: saved.keyFile ?? '',
    approval: saved.approval,
  }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: { -readonly [F in keyof MpSettingsChanges]: MpSettingsChanges[F] } = {};
    const address = draft.address.trim();
    if (address !== saved.address) changes.address = address;
    const port = wholeNumberIn(draft.port);
    // A port that is not a number is a change too: its issue blocks Apply until it is fixed.
    if (port === null) changes.port = Number.NaN;
    else if (port !== saved.port) changes.port = port;
    for (const field of ['certificateFile', 'keyFile'] as const) {
      const text = draft[field].trim();
      const value = text === '' ? null : text;
      if (value !== saved[field]) changes[field] = value;
    }
    if (draft.approval !== saved.approval) changes.approval = draft.approval;
    return changes;
  },
  issues: mpIssues,
  fieldTabs: () => Object.fromEntries(fields.map((field) => [field, 'general'])),
  fieldLabel: (field) => mpLabels[field as MpField] ?? field,
  fieldOfError: (path) => {
    const field = path?.startsWith('changes.') ? path.slice('changes.'.length) : path;
    return field !== undefined && field in mpLabels ? field : undefined;
  },
  firstTab: 'general',
});

/** The status bar's line after a save. */
export function savedSentence(saved: MpSettingsDto): string {
  const where = `${saved.address}:${saved.port === 0 ? 'any free port' : saved.port}`;
  const https = saved.certificateFile !== null ? 'HTTPS' : 'HTTP';
  return `Saved the management point: ${https} on ${where}, ${saved.approval === 'automatic' ? 'clients approved automatically' : 'each client approved by hand'}.`;
}
