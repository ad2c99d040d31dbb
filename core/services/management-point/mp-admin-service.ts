import { closeSync, openSync, readSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { CourierError, type MpClientDetailDto, type MpClientDto, type MpSettingsChanges, type MpSettingsDto, type MpStatusDto } from '../../api';
import { resetSecretHash, type ClientApproval, type MpClientRepository, type MpClientRow } from '../../db/repositories/mp-client-repository';
import type { MpRefusalRepository } from '../../db/repositories/mp-refusal-repository';
import type { MpSettingsRecord, MpSettingsRepository } from '../../db/repositories/mp-settings-repository';
import type { OfferRepository } from '../../db/repositories/offer-repository';
import type { ResourceRepository } from '../../db/repositories/resource-repository';
import type { UnitOfWork } from '../../site/unit-of-work';

export interface MpAdminServiceDeps {
  readonly settings: MpSettingsRepository;
  readonly clients: MpClientRepository;
  readonly refusals: Pick<MpRefusalRepository, 'totals' | 'recent'>;
  readonly resources: Pick<ResourceRepository, 'idByName' | 'get'>;
  readonly offers: Pick<OfferRepository, 'resourceVersion'>;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

/** SMS_MP_CONTROL_MANAGER's inbox and the wake-up a settings change drops there. */
export const mpControlInbox = 'Mpcontrol.box';
export const mpSettingsWakeUp = 'settings.MPC';
/** The Status tab names the last few refusals; the totals count them all. */
const recentRefusals = 10;

function settingsDto(record: MpSettingsRecord): MpSettingsDto {
  return { ...record };
}

function clientDto(row: MpClientRow): MpClientDto {
  return {
    resourceId: row.resourceId,
    name: row.name,
    smsUniqueIdentifier: row.smsUniqueIdentifier,
    approval: row.approval,
    registeredAt: row.registeredAt,
    lastContactAt: row.lastContactAt,
    ipAddresses: JSON.parse(row.ipAddressesJson) as string[],
    secretReset: row.secretHash === resetSecretHash,
  };
}

/** The first bytes of a PEM file name what it holds; the service checks them before it is told to use the file. */
function checkPem(path: string, field: 'certificateFile' | 'keyFile'): void {
  const label = field === 'certificateFile' ? 'The certificate file' : 'The key file';
  if (!isAbsolute(path)) throw new CourierError('VALIDATION_FAILED', `${label} must be an absolute path on the site server (${path} given).`, field);
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new CourierError('VALIDATION_FAILED', `${label} ${path} cannot be read on the site server: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, field);
  }
  const wanted = field === 'certificateFile' ? /-----BEGIN CERTIFICATE-----/ : /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
  if (!wanted.test(head)) {
    throw new CourierError('VALIDATION_FAILED', `${label} ${path} is not a PEM ${field === 'certificateFile' ? 'certificate (-----BEGIN CERTIFICATE-----)' : 'private key (-----BEGIN PRIVATE KEY-----)'}.`, field);
  }
}

/**
 * The console's side of the management point: its settings, its status as its component
 * recorded it, and its clients' approval and secrets (docs/management-point.md).
 */
export class MpAdminService {
  constructor(private readonly deps: MpAdminServiceDeps) {}

  get(): MpSettingsDto {
    return settingsDto(this.deps.settings.get());
  }

  /** Saves the settings and wakes SMS_MP_CONTROL_MANAGER, which listens again with them. */
  update(changes: MpSettingsChanges): MpSettingsDto {
    return this.deps.work.run((change) => {
      const before = this.deps.settings.get();
      const after: MpSettingsRecord = {
        address: changes.address ?? before.address,
        port: changes.port ?? before.port,
        certificateFile: changes.certificateFile === undefined ? before.certificateFile : changes.certificateFile || null,
        keyFile: changes.keyFile === undefined ? before.keyFile : changes.keyFile || null,
        approval: changes.approval ?? before.approval,
        lastModified: this.deps.now().toISOString(),
      };
      if ((after.certificateFile === null) !== (after.keyFile === null)) {
        const missing = after.certificateFile === null ? 'certificateFile' : 'keyFile';
        throw new CourierError('VALIDATION_FAILED', 'HTTPS needs both a certificate file and a key file; set both, or clear both for HTTP.', missing);
      }
      if (after.certificateFile !== null) checkPem(after.certificateFile, 'certificateFile');
      if (after.keyFile !== null) checkPem(after.keyFile, 'keyFile');
      const keys = (['address', 'port', 'certificateFile', 'keyFile', 'approval'] as const).filter((key) => after[key] !== before[key]);
      if (keys.length === 0) return settingsDto(before);
      this.deps.settings.save(after);
      change.wake(mpControlInbox, mpSettingsWakeUp, `settings changed: ${keys.join(', ')}\r\n`);
      change.emit('management-point:changed', { change: 'settings', resourceId: null });
      change.log('smsprov.log', 'SMS_PROVIDER', `Modified the management point (${keys.map((key) => `${key} = ${after[key] ?? '(none)'}`).join(', ')}).`);
      return settingsDto(after);
    });
  }

  status(): MpStatusDto {
    const endpoint = this.deps.settings.endpoint();
    const counts = this.deps.clients.counts();
    return {
      running: endpoint.url !== null,
      url: endpoint.url,
      port: endpoint.port,
      startedAt: endpoint.url !== null ? endpoint.startedAt : null,
      error: endpoint.error,
      lastRequestAt: endpoint.lastRequestAt,
      clients: { total: counts.approved + counts.pending + counts.blocked, ...counts },
      refused: {
        ...this.deps.refusals.totals(),
        recent: this.deps.refusals.recent(recentRefusals).map((row) => ({
          resourceId: row.resourceId,
          client: row.clientName,
          reason: row.reason,
          uploads: row.uploads,
          messages: row.messages,
          lastDetail: row.lastDetail,
          lastRefusedAt: row.lastRefusedAt,
        })),
      },
    };
  }

  list(approval?: ClientApproval): MpClientDto[] {
    return this.deps.clients.list(approval).map(clientDto);
  }

  /** A client's registration in full: what the resource holds from it, who is logged on, its policy version. */
  detail(client: number | string): MpClientDetailDto {
    const row = this.require(client);
    const resource = this.deps.resources.get(row.resourceId);
    return {
      ...clientDto(row),
      domain: resource?.domain ?? null,
      operatingSystem: resource?.operatingSystem ?? null,
      platform: resource?.platform ?? null,
      ipSubnets: resource?.ipSubnets ?? [],
      adSiteName: resource?.adSiteName ?? null,
      loggedOnUsers: this.deps.clients.loggedOnUsers(row.resourceId),
      clientVersion: resource?.clientVersion ?? null,
      policyVersion: this.deps.offers.resourceVersion(row.resourceId),
    };
  }

  setApproval(client: number | string, action: 'approve' | 'block' | 'unblock'): MpClientDto {
    return this.deps.work.run((change) => {
      const row = this.require(client);
      let next: ClientApproval = row.approval;
      if (action === 'block') next = 'blocked';
      else if (action === 'approve') {
        if (row.approval === 'blocked') throw new CourierError('CONFLICT', `${row.name} is blocked; unblock it first (courier client unblock ${row.resourceId}).`, 'client');
        next = 'approved';
      } else if (row.approval === 'blocked') {
        // Unblocked, a client is where a new one would be: approved, or waiting under manual approval.
        next = this.deps.settings.get().approval === 'automatic' ? 'approved' : 'pending';
      }
      if (next !== row.approval) {
        this.deps.clients.setApproval(row.resourceId, next);
        change.emit('management-point:changed', { change: 'client', resourceId: row.resourceId });
        change.log('smsprov.log', 'SMS_PROVIDER', `Management point client ${row.name} (resource ${row.resourceId}): ${row.approval} → ${next}.`);
      }
      return clientDto(this.require(row.resourceId));
    });
  }

  /** Forgets the secret: the client (or a reinstalled one with its name or ID) registers again without it. */
  reset(client: number | string): MpClientDto {
    return this.deps.work.run((change) => {
      const row = this.require(client);
      this.deps.clients.replaceSecret(row.resourceId, resetSecretHash);
      change.emit('management-point:changed', { change: 'client', resourceId: row.resourceId });
      change.log('smsprov.log', 'SMS_PROVIDER', `Reset the secret of management point client ${row.name} (resource ${row.resourceId}); its next registration is accepted without one.`);
      return clientDto(this.require(row.resourceId));
    });
  }

  private require(client: number | string): MpClientRow {
    const id = typeof client === 'number' ? client : /^\d+$/.test(client) ? Number(client) : this.deps.resources.idByName('system', client);
    const row = id === null ? null : this.deps.clients.row(id);
    if (!row) throw new CourierError('NOT_FOUND', `${typeof client === 'number' ? `Resource ${client}` : client} is not a client of this management point; see courier client list.`, 'client');
    return row;
  }
}
