import type { StatusQueryCriteria } from '../api';
import { distributionManagerComponent } from './status-messages/distribution-manager';

export interface BuiltInStatusQuery {
  readonly id: string;
  readonly name: string;
  readonly comment: string;
  readonly criteria: StatusQueryCriteria;
}

/** The software distribution client's messages: 10002 received, 10006 / 10007 failed to run. */
const programReceived = 10002;
const programFailedExitCode = 10006;
const programFailedMif = 10007;
const oneDay = { kind: 'last', amount: 1, unit: 'days' } as const;

/**
 * The site's built-in Status Message Queries, after the suite's own set, adapted to the filters
 * the status message store answers. They live here rather than in the database so they are
 * read-only by construction and a release may improve them; their IDs never change, because
 * scripts name them (`courier status query SMS00002 --set packageId=…`).
 */
export const builtInStatusQueries: readonly BuiltInStatusQuery[] = [
  { id: 'SMS00001', name: 'All Status Messages', comment: 'Every status message the site holds.', criteria: {} },
  {
    id: 'SMS00002',
    name: 'All Status Messages for a Specific Package',
    comment: 'Every message about one package (attribute 400), from any component or client.',
    criteria: { prompts: ['packageId'] },
  },
  {
    id: 'SMS00003',
    name: 'All Status Messages for a Specific Package on a Specific Distribution Point',
    comment: 'Messages about one package on one distribution point (attributes 400 and 404).',
    criteria: { prompts: ['packageId', 'distributionPoint'] },
  },
  {
    id: 'SMS00004',
    name: 'All Status Messages for a Specific Advertisement',
    comment: 'Every message about one advertisement (attribute 401): what its clients reported.',
    criteria: { prompts: ['advertisementId'] },
  },
  {
    id: 'SMS00005',
    name: 'All Status Messages from a Specific Component',
    comment: 'Every message one component reported, such as SMS_DISTRIBUTION_MANAGER.',
    criteria: { prompts: ['component'] },
  },
  {
    id: 'SMS00006',
    name: 'All Status Messages from a Specific System',
    comment: 'Every message one computer reported, site server or client.',
    criteria: { prompts: ['machine'] },
  },
  {
    id: 'SMS00007',
    name: 'Status Messages from a Specific System Since a Specific Time',
    comment: 'The messages one computer reported from a time on.',
    criteria: { prompts: ['machine'], time: { kind: 'prompt' } },
  },
  { id: 'SMS00008', name: 'Errors in the Last Day', comment: 'Error messages of the last 24 hours.', criteria: { severity: 'error', time: oneDay } },
  { id: 'SMS00009', name: 'Warnings in the Last Day', comment: 'Warning messages of the last 24 hours.', criteria: { severity: 'warning', time: oneDay } },
  {
    id: 'SMS00010',
    name: 'Distribution Manager Failures',
    comment: 'The errors Distribution Manager reported: packages it could not copy to distribution points.',
    criteria: { component: distributionManagerComponent, severity: 'error' },
  },
  {
    id: 'SMS00011',
    name: 'Clients That Failed to Run an Advertised Program',
    comment: 'Messages 10006 and 10007: an advertised program ran and failed, by its exit code or its status MIF.',
    criteria: { messageIds: [programFailedExitCode, programFailedMif] },
  },
  {
    id: 'SMS00012',
    name: 'Clients That Received a Specific Advertisement',
    comment: 'Message 10002 for one advertisement: the clients that received its program.',
    criteria: { messageIds: [programReceived], prompts: ['advertisementId'] },
  },
];
