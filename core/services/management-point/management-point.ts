import { randomUUID } from 'node:crypto';
import {
  ipv4Text,
  ipv4Value,
  mpAuthScheme,
  mpStatusMessageSchema,
  mpStatusUploadSchema,
  statusAttributeIds,
  type MpApproval,
  type MpContentLocationResponse,
  type MpMaintenanceWindowDto,
  type MpOfferBody,
  type MpPolicyResponse,
  type MpRegisterParsed,
  type MpRegisterResponse,
  type MpStatusResponse,
} from '../../api';
import type { ClientAgentRepository } from '../../db/repositories/client-agent-repository';
import type { ContentServiceRepository } from '../../db/repositories/content-service-repository';
import type { MembershipRepository } from '../../db/repositories/membership-repository';
import { resetSecretHash, type MpClientRepository } from '../../db/repositories/mp-client-repository';
import type { MpRefusalRepository } from '../../db/repositories/mp-refusal-repository';
import type { MpSettingsRepository } from '../../db/repositories/mp-settings-repository';
import type { OfferRepository } from '../../db/repositories/offer-repository';
import type { ResourceRepository } from '../../db/repositories/resource-repository';
import type { SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';
import type { AdvertisementClientStateRepository } from '../../db/repositories/advertisement-client-state-repository';
import type { StatusMessageRepository } from '../../db/repositories/status-message-repository';
import { statusCatalogue } from '../../domain/status-messages';
import { acceptanceMessageIds, clientStateOfMessage, runEndMessageIds } from '../../domain/advertisement-client-state';
import type { UnitOfWork } from '../../site/unit-of-work';
import { contentBaseUrl } from '../content-location/content-url';
import { locateContent } from '../content-location/locate-content';
import type { ResourceService } from '../resources/resource-service';
import { hashClientSecret, newClientSecret, secretMatches } from './client-secret';
import { JsonText } from './json-text';
import { MpError } from './mp-error';

export interface ManagementPointDeps {
  readonly siteCode: string;
  readonly work: UnitOfWork;
  readonly resources: ResourceRepository;
  readonly resourceService: ResourceService;
  readonly clients: MpClientRepository;
  readonly settings: MpSettingsRepository;
  readonly offers: OfferRepository;
  readonly memberships: Pick<MembershipRepository, 'windowsOfResource'>;
  readonly clientAgents: Pick<ClientAgentRepository, 'advertisedPrograms'>;
  readonly boundaries: SiteBoundaryRepository;
  /** Where the DPs' content service listens, for the URLs content location gives. */
  readonly contentService: Pick<ContentServiceRepository, 'settings' | 'listening'>;
  readonly statusMessages: StatusMessageRepository;
  readonly clientStates: AdvertisementClientStateRepository;
  /** Where refused status uploads are counted (the MP's Status says how many and why). */
  readonly refusals: MpRefusalRepository;
  readonly now: () => Date;
  /** Where the MP's own lines go (mpcontrol.log). */
  readonly logAs: { readonly file: `${string}.log`; readonly component: string };
}

/** Who a request comes from, once its Authorization was checked. */
export interface MpCaller {
  readonly resourceId: number;
  readonly name: string;
}

export interface MpCredentials {
  readonly resourceId: number;
  readonly secret: string;
}

/** "Nothing new", or the whole policy (an MpPolicyResponse with changed: true) as JSON text. */
export type PolicyAnswer = Extract<MpPolicyResponse, { changed: false }> | JsonText;

/** A client heard from within this long is not written again (last contact). */
const contactGranularityMs = 60_000;

const mappedPrefix = '(?:(?:0{1,4}:){5}|::(?:0{1,4}:){0,4})ffff:';
const mappedDotted = new RegExp(`^${mappedPrefix}(\\d{1,3}(?:\\.\\d{1,3}){3})$`, 'i');
const mappedHex = new RegExp(`^${mappedPrefix}([0-9a-f]{1,4}):([0-9a-f]{1,4})$`, 'i');

/**
 * A client's address as site boundaries see it: IPv4, also when a dual-stack client reported it
 * IPv4-mapped (RFC 4291, section 2.5.5.2: `::ffff:10.1.2.3`, or `::ffff:a01:203`); null for
 * any other address, since boundaries are IPv4 ranges and AD sites.
 */
export function boundaryAddress(text: string): string | null {
  const address = text.trim();
  if (ipv4Value(address) !== null) return address;
  const dotted = mappedDotted.exec(address);
  if (dotted) return ipv4Value(dotted[1]!) === null ? null : dotted[1]!;
  const hex = mappedHex.exec(address);
  return hex ? ipv4Text(parseInt(hex[1]!, 16) * 65536 + parseInt(hex[2]!, 16)) : null;
}

/** What a comparison against an unknown client uses, so an unknown ID takes as long as a wrong secret. */
const decoyHash = hashClientSecret('courier-decoy');

/**
 * `Courier-Client <resourceId>:<secret>`, or null when the header is absent. A header that is
 * there but malformed is an unknown client, not a missing one: the caller said who it was.
 */
export function parseCredentials(header: string | undefined): MpCredentials | null | 'malformed' {
  if (header === undefined) return null;
  const match = new RegExp(`^${mpAuthScheme} ([1-9]\\d{0,9}):([A-Za-z0-9_-]{1,128})$`).exec(header.trim());
  if (!match) return 'malformed';
  return { resourceId: Number(match[1]), secret: match[2]! };
}

/**
 * What the management point does for a client (docs/management-point.md), apart from HTTP:
 * registration, the Authorization check, policy, content location and status uploads. Every
 * write is one unit of work.
 */
export class ManagementPoint {
  private requestNotedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: ManagementPointDeps) {}

  /** Checks a request's credentials and the client's approval; the caller is refused with the reason otherwise. */
  authenticate(credentials: MpCredentials | null | 'malformed'): MpCaller {
    if (credentials === null) throw new MpError('UNKNOWN_CLIENT', `This request needs the header Authorization: ${mpAuthScheme} <resourceId>:<secret>, as the registration answered.`);
    const client = credentials === 'malformed' ? null : this.deps.clients.row(credentials.resourceId);
    // Compared even for an unknown client, so the answer's timing does not tell known IDs.
    const matches = secretMatches(credentials === 'malformed' ? '' : credentials.secret, client?.secretHash ?? decoyHash);
    if (!client || !matches) {
      throw new MpError('UNKNOWN_CLIENT', 'The client is not registered here or its secret is wrong: register again (an admin may have to reset it with courier client reset).');
    }
    if (client.approval === 'pending') throw new MpError('PENDING_APPROVAL', `Client ${client.name} (resource ${client.resourceId}) waits for an admin's approval (courier client approve ${client.resourceId}).`);
    if (client.approval === 'blocked') throw new MpError('BLOCKED', `Client ${client.name} (resource ${client.resourceId}) is blocked at site ${this.deps.siteCode}.`);
    // Read first, written only when stale: a poll must not take the site's write lock each time.
    const now = this.deps.now();
    const bound = new Date(now.getTime() - contactGranularityMs).toISOString();
    if (client.lastContactAt === null || client.lastContactAt < bound) this.deps.clients.touch(client.resourceId, now.toISOString(), bound);
    return { resourceId: client.resourceId, name: client.name };
  }

  /**
   * Creates or updates the client's system resource. A client already registered must prove it
   * is the same one (its Authorization), or an admin resets it first; either way the resource is
   * matched by SMS unique identifier, else by name, as ResourceService.register matches it.
   */
  register(input: MpRegisterParsed, credentials: MpCredentials | null | 'malformed'): MpRegisterResponse {
    const { deps } = this;
    return deps.work.run((change) => {
      const byIdentifier = input.smsUniqueIdentifier ? deps.resources.idByUniqueIdentifier(input.smsUniqueIdentifier) : null;
      const target = byIdentifier ?? deps.resources.idByName('system', input.name);
      const existing = target === null ? null : deps.clients.get(target);
      let secret: string | null = null;
      if (existing && existing.secretHash !== resetSecretHash) {
        const proven = credentials !== null && credentials !== 'malformed' && credentials.resourceId === existing.resourceId && secretMatches(credentials.secret, existing.secretHash);
        if (!proven) {
          const name = deps.resources.get(existing.resourceId)?.name ?? input.name;
          throw new MpError(
            'CONFLICT',
            `${name} (resource ${existing.resourceId}) is registered at this site already: register again with its Authorization, or have an admin reset it (courier client reset ${existing.resourceId}).`,
            'smsUniqueIdentifier',
          );
        }
        secret = credentials.secret;
      }
      const stored = target === null ? null : deps.resources.get(target);
      const smsUniqueIdentifier = input.smsUniqueIdentifier ?? stored?.smsUniqueIdentifier ?? `GUID:${randomUUID().toUpperCase()}`;
      const { resource } = deps.resourceService.register({
        resourceType: 'system',
        name: input.name,
        smsUniqueIdentifier,
        ...(input.domain !== undefined ? { domain: input.domain } : {}),
        operatingSystem: input.operatingSystemNameAndVersion,
        platform: input.platform,
        ipAddresses: input.ipAddresses,
        ipSubnets: input.ipSubnets,
        ...(input.adSiteName !== undefined ? { adSiteName: input.adSiteName } : {}),
        ...(input.loggedOnUsers[0] !== undefined ? { lastLogonUserName: input.loggedOnUsers[0] } : {}),
        client: true,
        ...(input.clientVersion !== undefined ? { clientVersion: input.clientVersion } : {}),
      });
      // Users it reports become user resources, so their user policy can be targeted and asked for.
      for (const user of input.loggedOnUsers) {
        if (deps.resources.idByName('user', user) === null) deps.resourceService.register({ resourceType: 'user', name: user });
      }
      const now = deps.now().toISOString();
      let approval: MpApproval;
      if (existing) {
        approval = existing.approval;
        if (secret === null) {
          secret = newClientSecret();
          deps.clients.replaceSecret(existing.resourceId, hashClientSecret(secret));
        }
      } else {
        secret = newClientSecret();
        approval = deps.settings.get().approval === 'automatic' ? 'approved' : 'pending';
        deps.clients.insert({ resourceId: resource.resourceId, secretHash: hashClientSecret(secret), approval, registeredAt: now });
      }
      deps.clients.setLoggedOnUsers(resource.resourceId, input.loggedOnUsers);
      deps.clients.touch(resource.resourceId, now, now);
      const how = existing ? (existing.secretHash === resetSecretHash ? 'registered again after a reset' : 're-registered') : 'registered';
      change.log(deps.logAs.file, deps.logAs.component, `Client ${resource.name} (resource ${resource.resourceId}, ${smsUniqueIdentifier}) ${how}; approval ${approval}.`);
      // Consoles list the clients (Pending Approval): a new one, or new addresses, shows at once.
      change.emit('management-point:changed', { change: 'client', resourceId: resource.resourceId });
      return {
        resourceId: resource.resourceId,
        smsUniqueIdentifier,
        secret,
        approval,
        siteCode: deps.siteCode,
        policyPollingMinutes: deps.clientAgents.advertisedPrograms().policyPollingMinutes,
      };
    });
  }

  machinePolicy(caller: MpCaller, since: number): PolicyAnswer {
    return this.policyOf(caller.resourceId, since);
  }

  /** A user's policy, for a user the client said is logged on to it. */
  userPolicy(caller: MpCaller, user: string, since: number): PolicyAnswer {
    if (!this.deps.clients.hasLoggedOnUser(caller.resourceId, user)) {
      throw new MpError('USER_NOT_LOGGED_ON', `${caller.name} did not report ${user} as logged on; register again with the user in loggedOnUsers.`, 'user');
    }
    const userId = this.deps.resources.idByName('user', user);
    if (userId === null) throw new MpError('NOT_FOUND', `There is no user resource ${user} at site ${this.deps.siteCode}.`, 'user');
    return this.policyOf(userId, since);
  }

  /**
   * "Anything new since N?" is one primary-key read and builds no body. A client ahead of the
   * site (N above the version: a site restored from a backup) gets the whole policy, so it
   * does not keep a policy the site no longer has.
   */
  private policyOf(resourceId: number, since: number): PolicyAnswer {
    const version = this.deps.offers.resourceVersion(resourceId);
    if (since === version) return { changed: false, policyVersion: version };
    const policy = this.deps.offers.policyFor(resourceId);
    const maintenanceWindows: MpMaintenanceWindowDto[] = this.deps.memberships.windowsOfResource(resourceId).map((w) => ({
      collectionId: w.collectionId,
      collectionName: w.collectionName,
      name: w.windowName,
      token: w.schedule,
      durationMinutes: w.durationMinutes,
    }));
    // Each body is JSON text as Offer Manager stored it (offerBodyText): it goes into the answer
    // as it is, the same bytes a parse and a stringify would give, for a fraction of the work.
    const bodies = (policy?.advertisements ?? []).map((a) => a.body).join(',');
    const head = JSON.stringify({ changed: true, policyVersion: policy?.version ?? version });
    return new JsonText(`${head.slice(0, -1)},"advertisements":[${bodies}],"maintenanceWindows":${JSON.stringify(maintenanceWindows)}}`);
  }

  /** Where the client (or a user logged on to it) takes an offered advertisement's content from. */
  contentLocation(caller: MpCaller, request: { advertisementId: string; packageId: string; sourceVersion: number }): MpContentLocationResponse {
    const { deps } = this;
    const holders = [caller.resourceId];
    for (const user of deps.clients.loggedOnUsers(caller.resourceId)) {
      const id = deps.resources.idByName('user', user);
      if (id !== null) holders.push(id);
    }
    let body: MpOfferBody | null = null;
    for (const holder of holders) {
      const offered = deps.offers.policyFor(holder)?.advertisements.find((a) => a.advertisementId === request.advertisementId);
      if (offered) {
        body = JSON.parse(offered.body) as MpOfferBody;
        break;
      }
    }
    if (!body) throw new MpError('NOT_FOUND', `Advertisement ${request.advertisementId} is not offered to ${caller.name} or its logged-on users.`, 'advertisementId');
    if (body.advertisement.packageId !== request.packageId) {
      throw new MpError('VALIDATION_FAILED', `Advertisement ${request.advertisementId} offers package ${body.advertisement.packageId}, not ${request.packageId}.`, 'packageId');
    }
    const resource = deps.resources.get(caller.resourceId);
    const { options } = body.advertisement;
    // Site boundaries are IPv4 ranges and AD sites; an IPv6 address of the client matches none.
    const addresses = (resource?.ipAddresses ?? []).map(boundaryAddress).filter((address) => address !== null);
    const located = locateContent(deps.boundaries, {
      addresses,
      adSite: resource?.adSiteName ?? null,
      packageId: request.packageId,
      sourceVersion: request.sourceVersion,
      fastNetwork: options.fastNetwork,
      slowNetwork: options.slowNetwork,
      allowFallback: options.allowFallbackToUnprotectedDps,
    }, contentBaseUrl(deps.contentService.settings(), deps.contentService.listening()));
    return { network: located.network, action: located.action, dps: located.dps.map((dp) => ({ ...dp })), reason: located.reason };
  }

  /**
   * Stores a batch of the client's status messages with their receipts in one transaction. Every
   * message is checked first: one refused message refuses the batch, naming its index, and
   * nothing is stored. A message whose uid was stored before is acknowledged and not stored again,
   * so a retried (or doubled) upload stores each message once.
   */
  uploadStatus(caller: MpCaller, body: unknown): MpStatusResponse {
    const { deps } = this;
    const sent = typeof body === 'object' && body !== null && Array.isArray((body as { messages?: unknown }).messages) ? (body as { messages: unknown[] }).messages.length : 0;
    const envelope = mpStatusUploadSchema.safeParse(body);
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      const field = issue?.path.join('.') || 'messages';
      throw this.refuseUpload(caller, new MpError('VALIDATION_FAILED', issue?.message ?? 'The upload is { messages: [...] }.', field), sent);
    }
    const messages = envelope.data.messages.map((raw, index) => {
      const parsed = mpStatusMessageSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        const refusal = new MpError('VALIDATION_FAILED', `Message ${index} is refused${field ? ` (${field})` : ''}: ${issue?.message ?? 'not a status message'}. Nothing of this upload was stored.`, `messages.${index}${field ? `.${field}` : ''}`);
        throw this.refuseUpload(caller, refusal, sent);
      }
      return parsed.data;
    });
    // One batch: the messages' rows for the text index are written together after them.
    return deps.work.run((change) => deps.statusMessages.batch(() => {
      let newest = 0;
      const packageIds = new Set<string>();
      const components = new Set<string>();
      const advertisementIds = new Set<string>();
      for (const message of messages) {
        if (!deps.clients.claimMessage(caller.resourceId, message.uid)) continue;
        const attributes: [number, string][] = [];
        if (message.attributes[400] !== undefined) attributes.push([statusAttributeIds.packageId, message.attributes[400]]);
        if (message.attributes[401] !== undefined) attributes.push([statusAttributeIds.advertisementId, message.attributes[401]]);
        const recordId = deps.statusMessages.insert({
          messageId: message.messageId,
          severity: message.severity,
          type: statusCatalogue.find(message.component, message.messageId)?.type ?? 'milestone',
          moduleName: 'SMS Client',
          component: message.component,
          siteCode: deps.siteCode,
          machine: caller.name,
          time: Date.parse(message.time),
          processId: 0,
          threadId: 0,
          insertionStrings: message.insertionStrings,
          attributes,
        });
        deps.clients.recordMessage(caller.resourceId, message.uid, recordId);
        const state = clientStateOfMessage[message.messageId];
        const advertisementId = message.attributes[401];
        if (state !== undefined && advertisementId !== undefined) {
          const part = acceptanceMessageIds.has(message.messageId)
            ? ({ kind: 'acceptance' } as const)
            : ({ kind: 'execution', result: runEndMessageIds.has(message.messageId) ? (message.insertionStrings[1] ?? null) : null } as const);
          deps.clientStates.record(advertisementId, caller.resourceId, state, message.messageId, Date.parse(message.time), recordId, part);
          advertisementIds.add(advertisementId);
        }
        newest = Math.max(newest, recordId);
        if (message.attributes[400] !== undefined) packageIds.add(message.attributes[400]);
        components.add(message.component);
      }
      if (newest > 0) change.emit('status-messages:added', { newestRecordId: newest, packageIds: [...packageIds], components: [...components] });
      for (const advertisementId of advertisementIds) change.emit('advertisement-clients:changed', { advertisementId });
      return { acknowledged: messages.map((m) => m.uid) };
    }));
  }

  /**
   * Counts a status upload refused as malformed (every one of its `messages` went unstored) under
   * its reason, the refused field without message indexes (`severity`, `insertionStrings`, `body`),
   * and gives the refusal back to be thrown. Counted apart from the upload's transaction, which
   * never began, so the admin sees the refusal although nothing of the upload is kept.
   */
  refuseUpload(caller: MpCaller, refusal: MpError, messages: number): MpError {
    const reason = (refusal.field ?? 'body').replace(/^messages\.\d+\./, '').replace(/\.\d+(?=\.|$)/g, '') || 'body';
    try {
      this.deps.refusals.record({ resourceId: caller.resourceId, clientName: caller.name, reason, messages, detail: refusal.message, at: this.deps.now().toISOString() });
    } catch {
      // A site too busy to count (its write lock held past the busy timeout) still owes the
      // client the refusal's reason, not a 500 that would make it retry the same bad upload.
    }
    return refusal;
  }

  /**
   * Any request at all: the console's "last request", written at most once a minute. One
   * management point runs per site (its lease), so remembering the last write here is enough.
   */
  noteRequest(): void {
    const now = this.deps.now().getTime();
    if (now - this.requestNotedAt < contactGranularityMs) return;
    this.requestNotedAt = now;
    this.deps.settings.noteRequest(new Date(now).toISOString(), new Date(now - contactGranularityMs).toISOString());
  }
}
