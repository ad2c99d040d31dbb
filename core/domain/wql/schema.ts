/**
 * The discovery classes a query rule may select from, with the properties Courier knows, spelled
 * as the suite spells them (the SMS_R_System, SMS_R_User and SMS_R_UserGroup server WMI class
 * pages of the Configuration Manager SDK). UInt32 and Boolean properties are numbers here;
 * DateTime and byte-array properties are listed apart, so a rule that tests one is told why it
 * cannot yet rather than that the property does not exist.
 */
export type WqlClassName = 'SMS_R_System' | 'SMS_R_User' | 'SMS_R_UserGroup';

export interface WqlProperty {
  readonly name: string;
  readonly type: 'string' | 'number';
  /** An array property (`String IPAddresses[]`): a condition holds when any one value satisfies it. */
  readonly multiValued?: boolean;
}

export interface WqlClass {
  readonly name: WqlClassName;
  readonly properties: readonly WqlProperty[];
  /** Properties of the class that query rules cannot test yet, and what kind of value they hold. */
  readonly notYet?: readonly { readonly name: string; readonly holds: 'dates' | 'bytes' }[];
}

const text = (name: string): WqlProperty => ({ name, type: 'string' });
const texts = (name: string): WqlProperty => ({ name, type: 'string', multiValued: true });
const number = (name: string): WqlProperty => ({ name, type: 'number' });
const dates = (name: string) => ({ name, holds: 'dates' as const });
const bytes = (name: string) => ({ name, holds: 'bytes' as const });

export const smsRSystem: WqlClass = {
  name: 'SMS_R_System',
  properties: [
    number('Active'),
    text('ADSiteName'),
    texts('AgentName'),
    texts('AgentSite'),
    number('AlwaysInternet'),
    number('Client'),
    number('ClientType'),
    text('ClientVersion'),
    text('CPUType'),
    number('Decommissioned'),
    text('DistinguishedName'),
    text('HardwareID'),
    number('InternetEnabled'),
    texts('IPAddresses'),
    texts('IPSubnets'),
    texts('IPv6Addresses'),
    texts('IPv6Prefixes'),
    text('LastLogonUserDomain'),
    text('LastLogonUserName'),
    texts('MACAddresses'),
    text('Name'),
    text('NetbiosName'),
    number('Obsolete'),
    text('OperatingSystemNameandVersion'),
    text('PreviousSMSUUID'),
    text('ResourceDomainORWorkgroup'),
    number('ResourceID'),
    texts('ResourceNames'),
    number('ResourceType'),
    texts('SecurityGroupName'),
    text('SID'),
    text('SMBIOSGUID'),
    texts('SMSAssignedSites'),
    texts('SMSInstalledSites'),
    texts('SMSResidentSites'),
    text('SMSUniqueIdentifier'),
    text('SNMPCommunityName'),
    texts('SystemContainerName'),
    texts('SystemGroupName'),
    texts('SystemOUName'),
    texts('SystemRoles'),
    number('Unknown'),
    number('UserAccountControl'),
  ],
  notYet: [dates('AgentTime'), dates('CreationDate'), dates('LastLogonTimestamp'), dates('SMSUUIDChangeDate'), bytes('ObjectGUID')],
};

export const smsRUser: WqlClass = {
  name: 'SMS_R_User',
  properties: [
    texts('AgentName'),
    texts('AgentSite'),
    text('DistinguishedName'),
    text('FullUserName'),
    text('Mail'),
    text('Name'),
    text('NetworkOperatingSystem'),
    number('PrimaryGroupID'),
    number('ResourceID'),
    number('ResourceType'),
    text('SID'),
    text('UniqueUserName'),
    number('UserAccountControl'),
    texts('UserContainerName'),
    texts('UserGroupName'),
    text('UserName'),
    texts('UserOUName'),
    text('WindowsNTDomain'),
  ],
  notYet: [dates('AgentTime'), dates('CreationDate'), bytes('ObjectGUID')],
};

export const smsRUserGroup: WqlClass = {
  name: 'SMS_R_UserGroup',
  properties: [
    texts('ActiveDirectoryContainerName'),
    texts('ActiveDirectoryOrganizationalUnit'),
    text('ADDomainName'),
    texts('AgentName'),
    texts('AgentSite'),
    number('GroupType'),
    text('Name'),
    text('NetworkOperatingSystem'),
    number('ResourceID'),
    number('ResourceType'),
    text('SID'),
    text('UniqueUsergroupName'),
    text('UsergroupName'),
    text('WindowsNTDomain'),
  ],
  notYet: [dates('AgentTime'), dates('CreationDate'), bytes('ObjectGUID')],
};

/** The classes Courier's query rules can use, as the checker takes them by default. */
export const wqlClasses: readonly WqlClass[] = [smsRSystem, smsRUser, smsRUserGroup];
