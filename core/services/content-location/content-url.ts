import type { ContentServiceListening, ContentServiceSettingsRecord } from '../../db/repositories/content-service-repository';

/** How a client reaches a DP's content service: the base of its URLs for the DP's server. */
export type ContentBaseUrl = (serverName: string) => string;

/** Without settings (a site never configured): port 80, as a BITS-enabled DP's IIS serves it. */
export const defaultContentBaseUrl: ContentBaseUrl = (serverName) => `http://${serverName}`;

/**
 * The content service's client URL when one is set; otherwise the DP's server name with the
 * service's scheme and port, the port it took when set to 0 (so a client on this computer can
 * fetch what content location names), and no port when it is the scheme's own.
 */
export function contentBaseUrl(settings: ContentServiceSettingsRecord, listening: ContentServiceListening): ContentBaseUrl {
  if (settings.clientUrl !== null) {
    const base = settings.clientUrl.replace(/\/$/, '');
    return () => base;
  }
  const secure = settings.certificate !== null;
  const bound = listening.url === null ? null : Number(/:(\d+)$/.exec(listening.url)?.[1] ?? Number.NaN);
  const port = settings.port !== 0 ? settings.port : bound !== null && Number.isInteger(bound) ? bound : null;
  const suffix = port === null || port === (secure ? 443 : 80) ? '' : `:${port}`;
  return (serverName) => `${secure ? 'https' : 'http'}://${serverName}${suffix}`;
}
