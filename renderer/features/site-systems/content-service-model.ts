import { contentServiceSetSchema, type ContentServiceChanges, type ContentServiceDto } from '../../../core/api';
import { wholeNumberIn } from '../../components/form-layout';
import { propertiesModel } from '../../components/property-sheet';

export type ContentServiceTab = 'general' | 'status';
export type ContentServiceField = 'address' | 'port' | 'clientUrl' | 'certificate' | 'key';

export const contentServiceTabs: readonly { readonly id: ContentServiceTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'status', label: 'Status' },
];

/** The port stays text while typed, so a half-typed value is shown as it is and refused at its field. */
export type ContentServiceDraft = Readonly<Record<ContentServiceField, string>>;

export const contentServiceLabels: Readonly<Record<ContentServiceField, string>> = {
  address: 'IP address or host name',
  port: 'Port',
  clientUrl: 'Client URL',
  certificate: 'Certificate file',
  key: 'Private key file',
};

const fields = Object.keys(contentServiceLabels) as ContentServiceField[];
const changesSchema = contentServiceSetSchema.shape.changes;

/** The core's message for a value, or none: the sheet checks with the contract's own schema. */
function schemaProblem(field: ContentServiceField, value: unknown): string | undefined {
  const result = changesSchema.safeParse({ [field]: value });
  return result.success ? undefined : result.error.issues[0]?.message;
}

export function contentServiceIssues(draft: ContentServiceDraft): Partial<Record<ContentServiceField, string>> {
  const issues: Partial<Record<ContentServiceField, string>> = {};
  const address = schemaProblem('address', draft.address.trim());
  if (address !== undefined) issues.address = address;
  const port = wholeNumberIn(draft.port);
  const portProblem = port === null ? 'The port is 0 (any free one) to 65535.' : schemaProblem('port', port);
  if (portProblem !== undefined) issues.port = portProblem;
  for (const field of ['clientUrl', 'certificate', 'key'] as const) {
    const text = draft[field].trim();
    const problem = text === '' ? undefined : schemaProblem(field, text);
    if (problem !== undefined) issues[field] = problem;
  }
  // The core refuses one without the other; saying so at the empty one names what to fill in.
  const certificate = draft.certificate.trim() !== '';
  const key = draft.key.trim() !== '';
  if (certificate !== key) issues[certificate ? 'key' : 'certificate'] ??= 'HTTPS needs both a certificate and its private key (or neither, for HTTP).';
  return issues;
}

export interface ContentServiceSpec {
  readonly saved: ContentServiceDto;
  readonly draft: ContentServiceDraft;
  readonly edit: Partial<ContentServiceDraft>;
  readonly changes: ContentServiceChanges;
  readonly issues: Partial<Record<ContentServiceField, string>>;
  readonly tab: ContentServiceTab;
}

/** Content Service Properties, through content-service:get and content-service:set (docs/content-service.md). */
export const contentServiceProperties = propertiesModel<ContentServiceSpec>({
  draftOf: (saved) => ({
    address: saved.address,
    port: String(saved.port),
    clientUrl: saved.clientUrl ?? '',
    certificate: saved.certificate ?? '',
    key: saved.key ?? '',
  }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: { -readonly [F in keyof ContentServiceChanges]: ContentServiceChanges[F] } = {};
    const address = draft.address.trim();
    if (address !== saved.address) changes.address = address;
    const port = wholeNumberIn(draft.port);
    // A port that is not a number is a change too: its issue blocks Apply until it is fixed.
    if (port === null) changes.port = Number.NaN;
    else if (port !== saved.port) changes.port = port;
    for (const field of ['clientUrl', 'certificate', 'key'] as const) {
      const text = draft[field].trim();
      const value = text === '' ? null : text;
      if (value !== saved[field]) changes[field] = value;
    }
    return changes;
  },
  issues: contentServiceIssues,
  fieldTabs: () => Object.fromEntries(fields.map((field) => [field, 'general'])),
  fieldLabel: (field) => contentServiceLabels[field as ContentServiceField] ?? field,
  fieldOfError: (path) => {
    const field = path?.startsWith('changes.') ? path.slice('changes.'.length) : path;
    return field !== undefined && field in contentServiceLabels ? field : undefined;
  },
  firstTab: 'general',
});

/** The status bar's line after a save. */
export function contentServiceSavedSentence(saved: ContentServiceDto): string {
  const where = `${saved.address}:${saved.port === 0 ? 'any free port' : saved.port}`;
  const scheme = saved.certificate !== null ? 'HTTPS' : 'HTTP';
  const clients = saved.clientUrl !== null ? `clients given ${saved.clientUrl}` : "clients given each DP's name";
  return `Saved the content service: ${scheme} on ${where}, ${clients}.`;
}
