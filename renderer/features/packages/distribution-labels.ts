import { preferredSenders, sendingPriorities, type PackageSettings } from '../../../core/api';

type SendingPriority = PackageSettings['sendingPriority'];
type PreferredSender = PackageSettings['preferredSender'];

export const sendingPriorityLabels: Readonly<Record<SendingPriority, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

/** The console's names for the sender address types; '' lets the site choose. */
export const preferredSenderLabels: Readonly<Record<PreferredSender, string>> = {
  '': '<No Preference>',
  MS_LAN: 'Standard Sender (MS_LAN)',
  MS_ASYNC_RAS: 'Asynchronous RAS Sender (MS_ASYNC_RAS)',
  MS_ISDN_RAS: 'ISDN RAS Sender (MS_ISDN_RAS)',
  MS_X25_RAS: 'X25 RAS Sender (MS_X25_RAS)',
  MS_SNA_RAS: 'SNA RAS Sender (MS_SNA_RAS)',
  MS_BATCH_SNA: 'Batch SNA Sender (MS_BATCH_SNA)',
  MS_INTER_SNA: 'Interactive SNA Sender (MS_INTER_SNA)',
  MS_COURIER: 'Courier Sender (MS_COURIER)',
};

export function toSendingPriority(value: string | undefined): SendingPriority | undefined {
  return sendingPriorities.find((priority) => priority === value);
}

export function toPreferredSender(value: string | undefined): PreferredSender | undefined {
  return preferredSenders.find((sender) => sender === value);
}
