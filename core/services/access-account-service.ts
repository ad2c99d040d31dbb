import { accessMasks, CourierError, type AccessAccountDto, type AccessAccountInput, type AccessPermission } from '../api';
import type { AccessAccountRecord, AccessAccountRepository } from '../db/repositories/access-account-repository';
import type { PackageRepository } from '../db/repositories/package-repository';
import type { SiteRepository } from '../db/repositories/site-repository';
import type { SiteLog } from '../site/site-log';
import { dropWakeUpFile, type SiteRoot } from '../site/site-root';
import type { EventHub } from './event-hub';

export interface AccessAccountServiceDeps {
  readonly accounts: AccessAccountRepository;
  readonly packages: PackageRepository;
  readonly site: SiteRepository;
  readonly siteRoot: SiteRoot;
  readonly events: EventHub;
  readonly log: SiteLog;
  readonly now: () => Date;
}

const permissionText: Readonly<Record<AccessPermission, string>> = {
  noAccess: 'No Access',
  read: 'Read',
  change: 'Change',
  fullControl: 'Full Control',
};

/** The suite's UserName: DOMAIN\user, or the NAL form ["Display=Users"]GENERIC:GROUP=Users (sccm-formats §4.5). */
export function userNameOf(account: Pick<AccessAccountRecord, 'kind' | 'accountName'>): string {
  return account.kind === 'generic' ? `["Display=${account.accountName}"]GENERIC:GROUP=${account.accountName}` : account.accountName;
}

export function toAccessAccountDto(record: AccessAccountRecord): AccessAccountDto {
  return {
    packageId: record.packageId,
    accountName: record.accountName,
    kind: record.kind,
    accountType: record.accountType,
    permission: record.permission,
    userName: userNameOf(record),
    access: accessMasks[record.permission],
  };
}

/** The stored form of an account as the contract gives it; generic accounts are local groups. */
export function accessAccountRecordOf(packageId: string, account: AccessAccountInput, permission: AccessPermission, stamp: string): AccessAccountRecord {
  return {
    packageId,
    accountName: account.name.trim(),
    kind: account.kind,
    accountType: account.kind === 'generic' ? 'group' : account.accountType,
    permission,
    createdAt: stamp,
    lastModified: stamp,
  };
}

/**
 * Package access accounts (seed "Defining Access Accounts"). They become the share and folder
 * permissions on the distribution points, so every change wakes Distribution Manager.
 */
export class AccessAccountService {
  constructor(private readonly deps: AccessAccountServiceDeps) {}

  list(packageId: string): AccessAccountDto[] {
    this.requirePackage(packageId);
    return this.deps.accounts.list(packageId).map(toAccessAccountDto);
  }

  add(packageId: string, account: AccessAccountInput, permission: AccessPermission): AccessAccountDto {
    const record = accessAccountRecordOf(packageId, account, permission, this.deps.now().toISOString());
    this.deps.site.transaction(() => {
      this.requirePackage(packageId);
      const existing = this.deps.accounts.get(packageId, record.accountName);
      if (existing) {
        throw new CourierError(
          'CONFLICT',
          `Package ${packageId} already has the access account ${existing.accountName} (${permissionText[existing.permission]}); change its permission instead.`,
          'account.name',
        );
      }
      this.deps.accounts.insert(record);
    });
    this.afterChange(packageId, `Added access account ${record.accountName} (${permissionText[permission]})`);
    return toAccessAccountDto(record);
  }

  update(packageId: string, accountName: string, permission: AccessPermission): AccessAccountDto {
    const updated = this.deps.site.transaction(() => {
      const existing = this.requireAccount(packageId, accountName);
      if (existing.permission === permission) return null;
      const stamp = this.deps.now().toISOString();
      this.deps.accounts.setPermission(packageId, existing.accountName, permission, stamp);
      return { ...existing, permission, lastModified: stamp };
    });
    if (updated === null) return toAccessAccountDto(this.requireAccount(packageId, accountName));
    this.afterChange(packageId, `Changed access account ${updated.accountName} to ${permissionText[permission]}`);
    return toAccessAccountDto(updated);
  }

  remove(packageId: string, accountName: string): AccessAccountDto[] {
    const removed = this.deps.site.transaction(() => {
      const existing = this.requireAccount(packageId, accountName);
      this.deps.accounts.remove(packageId, existing.accountName);
      return existing;
    });
    this.afterChange(packageId, `Removed access account ${removed.accountName}`);
    return this.deps.accounts.list(packageId).map(toAccessAccountDto);
  }

  private requirePackage(packageId: string): void {
    if (!this.deps.packages.get(packageId)) throw new CourierError('NOT_FOUND', `There is no package ${packageId} at this site.`, 'packageId');
  }

  private requireAccount(packageId: string, accountName: string): AccessAccountRecord {
    this.requirePackage(packageId);
    const record = this.deps.accounts.get(packageId, accountName);
    if (!record) throw new CourierError('NOT_FOUND', `Package ${packageId} has no access account ${accountName}.`, 'accountName');
    return record;
  }

  /** After the commit: the share permissions change, so Distribution Manager updates the DPs. */
  private afterChange(packageId: string, what: string): void {
    const { siteRoot, events, log } = this.deps;
    dropWakeUpFile(siteRoot, 'Distmgr.box', `${packageId}.PKN`, `access accounts ${packageId}\r\n`);
    events.emit('access-accounts:changed', { packageId });
    log.write('smsprov.log', 'SMS_PROVIDER', `${what} for package ${packageId}.`);
  }
}
