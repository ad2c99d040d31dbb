import { z } from 'zod';
import { boundedWholeNumber } from './bounded-number';
import { ipv4Value } from './boundaries';
import { textSchema } from './text';

/** The site component that serves BITS-enabled distribution points' content over HTTP(S). */
export const contentServiceComponent = 'SMS_DP_CONTENT_SERVICE';

const hostLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const ipv6Literal = /^[0-9A-Fa-f:.]{2,45}$/;

/** An address to listen at: IPv4 (`0.0.0.0` for every interface), an IPv6 literal (`::`), or a host name. */
export function listenAddressProblem(text: string): string | null {
  if (ipv4Value(text) !== null) return null;
  if (text.includes(':')) return ipv6Literal.test(text) && text.split('::').length <= 2 ? null : `The address "${text}" is not an IPv6 address.`;
  if (/^[\d.]+$/.test(text)) return `The address "${text}" is not an IPv4 address (four numbers 0–255 with dots, such as 127.0.0.1).`;
  if (text.length > 253 || !text.split('.').every((label) => hostLabel.test(label))) return `The address "${text}" is not an IP address or a host name (letters, digits and hyphens between dots).`;
  return null;
}

const urlForm = /^(https?):\/\/(\[[0-9A-Fa-f:.]+\]|[^/:?#@[\]\s]+)(?::(\d{1,5}))?\/?$/i;

/** The base URL clients are given: http(s)://host[:port], nothing after it. */
export function clientUrlProblem(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return `The client URL must start with http:// or https:// ("${text}" given).`;
  const match = urlForm.exec(text);
  if (!match) return `The client URL is the scheme, host and port only (http://dp01.contoso.com:8080); Courier adds /SMS_DP_<share>/<package>/ itself.`;
  const host = match[2] ?? '';
  if (!host.startsWith('[') && listenAddressProblem(host) !== null) return `The client URL's host "${host}" is not an IP address or a host name.`;
  if (match[3] !== undefined && Number(match[3]) > 65535) return `The client URL's port ${match[3]} is more than 65535.`;
  return null;
}

const pemPath = (label: string) => textSchema({ label, max: 4096, required: `${label} is a path to a PEM file, or null for none.` });

/** `content-service:set`: the settings given change, the others stay. */
export const contentServiceSetSchema = z.strictObject({
  changes: z.strictObject({
    address: textSchema({ label: 'The address', max: 253, required: 'The address to listen at is required (127.0.0.1, 0.0.0.0, :: or a host name).', problem: listenAddressProblem }).optional(),
    port: boundedWholeNumber('The port (0 for any free port)', { min: 0, max: 65535 }).optional(),
    certificate: pemPath('The certificate').nullable().optional(),
    key: pemPath('The private key').nullable().optional(),
    clientUrl: textSchema({ label: 'The client URL', max: 2048, required: "The client URL is a URL such as http://dp01.contoso.com:8080, or null to build it from each DP's name.", problem: clientUrlProblem })
      .nullable()
      .optional(),
  }),
});
export type ContentServiceSetInput = z.input<typeof contentServiceSetSchema>;
export type ContentServiceChanges = z.output<typeof contentServiceSetSchema>['changes'];

export interface ContentServiceDto {
  readonly component: typeof contentServiceComponent;
  /** Where it listens: 127.0.0.1 by default, 0.0.0.0 or :: for every interface. */
  readonly address: string;
  /** 0 (the default): any free port, taken when the service starts and shown in `listeningUrl`. */
  readonly port: number;
  /** PEM files on the site server; with both, the service speaks HTTPS. */
  readonly certificate: string | null;
  readonly key: string | null;
  /** The base URL clients are given; null: `http(s)://<DP server>:<port>`. */
  readonly clientUrl: string | null;
  /** Where the running service is bound now (http://127.0.0.1:41234); null when no host runs it. */
  readonly listeningUrl: string | null;
  readonly listeningSince: string | null;
  /** null until the settings are first changed. */
  readonly lastModified: string | null;
}

/**
 * The base of a BITS-enabled DP's content URLs as clients are given them: the client URL when one
 * is set; otherwise the DP's server name with the service's scheme and port (the port it took
 * when set to 0, so a client on this computer can fetch what content location names), and no
 * port when it is the scheme's own. Null port and nothing listening: no port is named.
 */
export function contentServiceBaseUrl(
  settings: Pick<ContentServiceDto, 'clientUrl' | 'certificate' | 'port' | 'listeningUrl'>,
  serverName: string,
): string {
  if (settings.clientUrl !== null) return settings.clientUrl.replace(/\/$/, '');
  const secure = settings.certificate !== null;
  const bound = settings.listeningUrl === null ? null : Number(/:(\d+)$/.exec(settings.listeningUrl)?.[1] ?? Number.NaN);
  const port = settings.port !== 0 ? settings.port : bound !== null && Number.isInteger(bound) ? bound : null;
  const suffix = port === null || port === (secure ? 443 : 80) ? '' : `:${port}`;
  return `${secure ? 'https' : 'http'}://${serverName}${suffix}`;
}
