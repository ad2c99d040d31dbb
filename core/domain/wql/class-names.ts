import type { WqlClassName } from './schema';

const allowed = 'query rules here can only use SMS_R_System, SMS_R_User and SMS_R_UserGroup.';

/** Why `name` cannot be a query rule's class, or undefined when it is one of the three. */
export function classNotAllowed(name: string): string | undefined {
  if (canonicalClassName(name)) return undefined;
  if (/^SMS_G_/i.test(name)) return `"${name}" is an inventory class; ${allowed}`;
  return `"${name}" is not a class query rules can use; ${allowed}`;
}

/** The class as the suite spells it, whatever case the admin typed. */
export function canonicalClassName(name: string): WqlClassName | undefined {
  const lower = name.toLowerCase();
  if (lower === 'sms_r_system') return 'SMS_R_System';
  if (lower === 'sms_r_user') return 'SMS_R_User';
  if (lower === 'sms_r_usergroup') return 'SMS_R_UserGroup';
  return undefined;
}
