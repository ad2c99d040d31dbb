import { contentServiceBaseUrl, type ContentServiceDto, type DistributionPointDto } from '../../../core/api';

/**
 * The role a BITS-enabled DP plays beside its shares: its content served over HTTP(S) by the
 * site's content service (SMS_DP_CONTENT_SERVICE, docs/content-service.md), where the suite's DP
 * has IIS serve each share as a virtual directory.
 */
export const contentRoleName = 'Content Service (BITS)';

/** A role row's key in a site system's list: no DP name starts like this (DP names are server names or UNC shares). */
export const contentRoleKey = (dp: Pick<DistributionPointDto, 'name'>): string => `${contentRoleName}\n${dp.name}`;

/** The DP's name in a content role row's key, or null when the key is another role's. */
export function dpNameOfContentRoleKey(key: string): string | null {
  const prefix = `${contentRoleName}\n`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** Where clients download this DP's packages from: the base URL content location gives them. */
export function contentServiceAddress(service: ContentServiceDto | undefined, dp: Pick<DistributionPointDto, 'serverName'>): string {
  if (service === undefined) return '';
  return contentServiceBaseUrl(service, dp.serverName);
}

/** Running while a host of the site's components listens; Stopped, as the management point says, when nothing serves the content. */
export function contentServiceState(service: ContentServiceDto | undefined): string {
  if (service === undefined) return '';
  return service.listeningUrl !== null ? 'Running' : 'Stopped';
}
