/**
 * Boundaries of a protected distribution point (docs/distribution-points.md#boundaries): an IP
 * subnet in CIDR form (10.1.0.0/16), an IP range (10.1.0.1-10.1.0.200) or an Active Directory
 * site name. Each is parsed by walking the text once (no regular expression), so no input can
 * make it slow, and answers with one normal spelling or the reason it is refused.
 */
export const boundaryKinds = ['ipSubnet', 'ipRange', 'adSite'] as const;
export type BoundaryKind = (typeof boundaryKinds)[number];

export interface BoundaryDto {
  readonly kind: BoundaryKind;
  /** 10.1.0.0/16, 10.1.0.1-10.1.0.200 or Default-First-Site-Name */
  readonly value: string;
}

export type BoundaryParse = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

/** Longest boundary value stored (an IPv4 range is 31 characters; an AD site name 63). */
export const maxBoundaryLength = 64;

function shown(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** An IPv4 address as a 32-bit number, or null: four decimal parts 0–255, no leading zeros. */
export function ipv4Value(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (part.length === 0 || part.length > 3 || (part.length > 1 && part[0] === '0')) return null;
    for (const c of part) if (c < '0' || c > '9') return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

export function ipv4Text(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function parseSubnet(text: string): BoundaryParse {
  const slash = text.indexOf('/');
  if (slash === -1 || text.indexOf('/', slash + 1) !== -1) {
    return { ok: false, problem: `The IP subnet ${shown(text)} must be in CIDR form: network/prefix length, such as 10.1.0.0/16.` };
  }
  const network = ipv4Value(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (network === null) return { ok: false, problem: `${shown(text.slice(0, slash))} is not an IPv4 address (four numbers 0–255 with dots, such as 10.1.0.0).` };
  let digitsOnly = lengthText.length > 0 && lengthText.length <= 2;
  for (const c of lengthText) if (c < '0' || c > '9') digitsOnly = false;
  const prefix = digitsOnly ? Number(lengthText) : -1;
  if (prefix < 0 || prefix > 32) return { ok: false, problem: `The prefix length of ${shown(text)} must be a whole number from 0 to 32.` };
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const base = (network & mask) >>> 0;
  if (base !== network) {
    return { ok: false, problem: `${shown(text)} has host bits set: the network of a /${prefix} subnet is ${ipv4Text(base)}/${prefix}.` };
  }
  return { ok: true, value: `${ipv4Text(network)}/${prefix}` };
}

function parseRange(text: string): BoundaryParse {
  const dash = text.indexOf('-');
  if (dash === -1 || text.indexOf('-', dash + 1) !== -1) {
    return { ok: false, problem: `The IP range ${shown(text)} must be two IPv4 addresses, low-high, such as 10.1.0.1-10.1.0.200.` };
  }
  const lowText = text.slice(0, dash).trim();
  const highText = text.slice(dash + 1).trim();
  const low = ipv4Value(lowText);
  const high = ipv4Value(highText);
  if (low === null) return { ok: false, problem: `The start of the range, ${shown(lowText)}, is not an IPv4 address.` };
  if (high === null) return { ok: false, problem: `The end of the range, ${shown(highText)}, is not an IPv4 address.` };
  if (low > high) return { ok: false, problem: `The IP range ${lowText}-${highText} ends before it starts: give the lower address first.` };
  return { ok: true, value: `${lowText}-${highText}` };
}

/**
 * An Active Directory site name: 1–63 letters, digits and hyphens, not starting or ending with a
 * hyphen, as Active Directory Sites and Services advises so the name works as a DNS label.
 */
function parseAdSite(text: string): BoundaryParse {
  if (text.length === 0) return { ok: false, problem: 'Give the Active Directory site name, such as Default-First-Site-Name.' };
  if (text.length > 63) return { ok: false, problem: `An Active Directory site name can be at most 63 characters (${text.length} given).` };
  for (const c of text) {
    const plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-';
    if (!plain) return { ok: false, problem: `The Active Directory site name ${shown(text)} may hold only letters, digits and hyphens.` };
  }
  if (text[0] === '-' || text[text.length - 1] === '-') return { ok: false, problem: `The Active Directory site name ${shown(text)} cannot start or end with a hyphen.` };
  return { ok: true, value: text };
}

/** The normal spelling of a boundary of `kind`, or why it is refused. */
export function parseBoundary(kind: BoundaryKind, value: string): BoundaryParse {
  const text = value.trim();
  if (text.length > maxBoundaryLength) return { ok: false, problem: `A boundary can be at most ${maxBoundaryLength} characters (${text.length} given).` };
  if (kind === 'ipSubnet') return parseSubnet(text);
  if (kind === 'ipRange') return parseRange(text);
  return parseAdSite(text);
}

const specPrefixes: readonly (readonly [string, BoundaryKind])[] = [
  ['subnet:', 'ipSubnet'],
  ['range:', 'ipRange'],
  ['adsite:', 'adSite'],
];

/** The CLI's `--boundary` forms: subnet:10.1.0.0/16, range:10.1.0.1-10.1.0.200, adsite:NAME. */
export function parseBoundarySpec(spec: string): { readonly ok: true; readonly boundary: BoundaryDto } | { readonly ok: false; readonly problem: string } {
  const text = spec.trim();
  const lower = text.slice(0, 8).toLowerCase();
  for (const [prefix, kind] of specPrefixes) {
    if (!lower.startsWith(prefix)) continue;
    const parsed = parseBoundary(kind, text.slice(prefix.length));
    return parsed.ok ? { ok: true, boundary: { kind, value: parsed.value } } : parsed;
  }
  return { ok: false, problem: `${shown(text)} is not a boundary: write subnet:10.1.0.0/16, range:10.1.0.1-10.1.0.200 or adsite:Default-First-Site-Name.` };
}
