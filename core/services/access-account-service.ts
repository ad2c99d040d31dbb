import { accessMasks, CourierError, type AccessAccountDto, type AccessAccountInput, type AccessPermission } from '../api';
import type { AccessAccountRecord, AccessAccountRepository } from '../db/repositories/access-account-repository';
import type { PackageRepository } from '../db/repositories/package-repository';
import { notePackageChange, requirePackage } from './package-changes';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';

export interface AccessAccountServiceDeps {
  readonly accounts: AccessAccountRepository;
  readonly packages: PackageRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

const permissionText: Readonly<Record<AccessPermission, string>> = {
  noAccess: 'No Access',
  read: 'Read',
  change: 'Change',
  fullControl: 'Full Control',
};

/** The suite's UserName: DOMAIN\user, or the NAL form ["Display=Users"]GENERIC:GROUP=Users (SMS_PackageAccessByUsers.UserName). */
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
 * Package access accounts (docs/software-distribution.md#access-accounts). They become the share and folder
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
    this.deps.work.run((change) => {
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
      this.noteChange(change, packageId, `Added access account ${record.accountName} (${permissionText[permission]})`);
    });
    return toAccessAccountDto(record);
  }

  update(packageId: string, accountName: string, permission: AccessPermission): AccessAccountDto {
    const updated = this.deps.work.run((change) => {
      const existing = this.requireAccount(packageId, accountName);
      if (existing.permission === permission) return existing;
      const stamp = this.deps.now().toISOString();
      this.deps.accounts.setPermission(packageId, existing.accountName, permission, stamp);
      this.noteChange(change, packageId, `Changed access account ${existing.accountName} to ${permissionText[permission]}`);
      return { ...existing, permission, lastModified: stamp };
    });
    return toAccessAccountDto(updated);
  }

  remove(packageId: string, accountName: string): AccessAccountDto[] {
    return this.deps.work.run((change) => {
      const existing = this.requireAccount(packageId, accountName);
      this.deps.accounts.remove(packageId, existing.accountName);
      this.noteChange(change, packageId, `Removed access account ${existing.accountName}`);
      // Read in the same transaction: the list answers for exactly this removal.
      return this.deps.accounts.list(packageId).map(toAccessAccountDto);
    });
  }

  private requirePackage(packageId: string): void {
    requirePackage(this.deps.packages, packageId);
  }

  private requireAccount(packageId: string, accountName: string): AccessAccountRecord {
    this.requirePackage(packageId);
    const record = this.deps.accounts.get(packageId, accountName);
    if (!record) throw new CourierError('NOT_FOUND', `Package ${packageId} has no access account ${accountName}.`, 'accountName');
    return record;
  }

  /** The share permissions change, so Distribution Manager updates the DPs, once committed. */
  private noteChange(change: ChangeSet, packageId: string, what: string): void {
    notePackageChange(change, packageId, {
      wakeUp: `access accounts ${packageId}`,
      event: 'access-accounts:changed',
      payload: { packageId },
      log: `${what} for package ${packageId}.`,
    });
  }
}
