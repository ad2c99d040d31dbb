import { join } from 'node:path';
import { z } from 'zod';
import type { MpRegisterRequest } from '../../core/api/management-point';
import type { ClientConfig } from '../config/client-config';
import { readIdentity, writeIdentity, type ClientIdentity } from '../mp/client-identity';
import type { ManagementPointClient } from '../mp/mp-client';
import { agentFolder, readStateFile, writeStateFile } from './agent-files';
import { registrationOf, type MachineFacts } from './machine-facts';

export type RegistrationKind = 'new' | 'updated' | 'unchanged';

export interface Registration {
  readonly kind: RegistrationKind;
  readonly identity: ClientIdentity;
  /** Why it registered (again), for policyagent.log; null when it did not. */
  readonly why: string | null;
}

/** The facts last sent, so the agent registers again only when one changed. */
const sentSchema = z.strictObject({ managementPoint: z.string(), request: z.record(z.string(), z.unknown()), at: z.string() });
const sentPath = (clientDir: string) => join(agentFolder(clientDir), 'registration.json');

function factsKey(request: MpRegisterRequest): string {
  // The identifier is the site's answer, not a fact of the machine; leaving it out keeps the
  // comparison to what can change on the machine.
  const { smsUniqueIdentifier: _id, ...facts } = request;
  return JSON.stringify(facts);
}

export class SiteMismatchError extends Error {}

/**
 * Registers the client when it has no identity, and again, with its credentials, when a fact the
 * site keeps changed (an address, the OS version, the logged-on user) or the management point
 * moved. `afterReset`: the site no longer knows the secret (an admin reset the client), so the
 * registration goes without it and gets a new one.
 */
export async function ensureRegistered(clientDir: string, config: ClientConfig, mp: ManagementPointClient, facts: MachineFacts, now: Date, afterReset = false): Promise<Registration> {
  const identity = readIdentity(clientDir);
  const known = identity !== null && identity.siteCode === config.siteCode ? identity : null;
  const request = registrationOf(facts, known?.smsUniqueIdentifier);
  const sent = readStateFile(sentPath(clientDir), sentSchema, 64 * 1024).value;
  const same = known !== null && sent !== null && sent.managementPoint === config.managementPoint && known.managementPoint === config.managementPoint && factsKey(sent.request as MpRegisterRequest) === factsKey(request);
  if (same && !afterReset) {
    mp.credentials = { resourceId: known.resourceId, secret: known.secret };
    return { kind: 'unchanged', identity: known, why: null };
  }
  const why =
    known === null
      ? identity === null
        ? 'this client has not registered yet'
        : `this client was registered with site ${identity.siteCode} and is now assigned to ${config.siteCode}`
      : afterReset
        ? 'the site does not know this client\'s secret any more (an admin reset it)'
        : known.managementPoint !== config.managementPoint || sent?.managementPoint !== config.managementPoint
          ? `the management point is now ${config.managementPoint}`
          : 'a fact of this machine the site keeps has changed';
  // Asked first, so a client pointed at another site's management point leaves no resource there.
  const mismatch = (siteCode: string) => new SiteMismatchError(`The management point ${config.managementPoint} is of site ${siteCode}; this client is assigned to site ${config.siteCode} (client.json).`);
  const health = await mp.health();
  if (health.siteCode.toUpperCase() !== config.siteCode.toUpperCase()) throw mismatch(health.siteCode);
  mp.credentials = known !== null && !afterReset ? { resourceId: known.resourceId, secret: known.secret } : undefined;
  const answer = await mp.register(request);
  if (answer.siteCode.toUpperCase() !== config.siteCode.toUpperCase()) throw mismatch(answer.siteCode);
  const next: ClientIdentity = {
    managementPoint: config.managementPoint,
    siteCode: answer.siteCode,
    resourceId: answer.resourceId,
    smsUniqueIdentifier: answer.smsUniqueIdentifier,
    secret: answer.secret,
    approval: answer.approval,
    policyPollingMinutes: answer.policyPollingMinutes,
    registeredAt: now.toISOString(),
  };
  // The identity first: a kill between the two writes registers again next time, which is harmless.
  writeIdentity(clientDir, next);
  writeStateFile(sentPath(clientDir), { managementPoint: config.managementPoint, request, at: now.toISOString() });
  mp.credentials = { resourceId: next.resourceId, secret: next.secret };
  return { kind: known === null ? 'new' : 'updated', identity: next, why };
}

/** Records a changed approval (the site answered PENDING_APPROVAL or BLOCKED, or served policy). */
export function noteApproval(clientDir: string, identity: ClientIdentity, approval: ClientIdentity['approval']): ClientIdentity {
  if (identity.approval === approval) return identity;
  const next = { ...identity, approval };
  writeIdentity(clientDir, next);
  return next;
}
