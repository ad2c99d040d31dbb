import { contentServiceBaseUrl } from '../../api';
import type { ContentServiceListening, ContentServiceSettingsRecord } from '../../db/repositories/content-service-repository';

/** How a client reaches a DP's content service: the base of its URLs for the DP's server. */
export type ContentBaseUrl = (serverName: string) => string;

/** Without settings (a site never configured): port 80, as a BITS-enabled DP's IIS serves it. */
export const defaultContentBaseUrl: ContentBaseUrl = (serverName) => `http://${serverName}`;

/** The content service's client URL when one is set; otherwise each DP's server name with its scheme and port. */
export function contentBaseUrl(settings: ContentServiceSettingsRecord, listening: ContentServiceListening): ContentBaseUrl {
  const resolved = { ...settings, listeningUrl: listening.url };
  return (serverName) => contentServiceBaseUrl(resolved, serverName);
}
