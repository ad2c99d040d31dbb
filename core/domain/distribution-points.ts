import { ipv4Value, normalizeWindowsPath, type DpMode } from '../api';

/**
 * Names the suite gives a distribution point and the places on it (SMS_DistributionPoint's
 * ServerNALPath; the SMSPKG<drive letter>$ share layout), as pure functions.
 */

/**
 * The NetBIOS name Windows derives from a server name: its first label, upper-case, at most 15
 * characters (dp01.contoso.com → DP01). A share's server may be an IPv4 address, which has none:
 * the address stands for it.
 */
export function netbiosNameOf(serverName: string): string {
  if (ipv4Value(serverName) !== null) return serverName;
  const dot = serverName.indexOf('.');
  return (dot === -1 ? serverName : serverName.slice(0, dot)).slice(0, 15).toUpperCase();
}

/** The server of \\server\share. */
export function serverOfShare(share: string): string {
  return normalizeWindowsPath(share)?.server ?? '';
}

/**
 * The suite's ServerNALPath: `["Display=\\DP01\"]MSWNET:["SMS_SITE=A01"]\\DP01\` for a server,
 * and the same with the share for a server share (`…\\DP01\SWSHARE\`).
 */
export function nalPathOf(dp: { readonly mode: DpMode; readonly serverName: string; readonly serverShare: string | null }, siteCode: string): string {
  const location = dp.mode === 'serverShare' && dp.serverShare ? `${dp.serverShare.replace(/\\+$/, '')}\\` : `\\\\${dp.serverName}\\`;
  return `["Display=${location}"]MSWNET:["SMS_SITE=${siteCode}"]${location}`;
}

/** The share Distribution Manager creates on a server DP's volume: SMSPKGD$. */
export function packageShareOf(letter: string): string {
  return `SMSPKG${letter.toUpperCase()}$`;
}

/** Where a copied package is, as clients reach it: \\DP01\SMSPKGD$\A0100001, or \\DP01\SWSHARE\A0100001. */
export function packagePathOnDp(serverName: string, shareName: string, folder: string, serverShare: string | null): string {
  const root = serverShare !== null ? serverShare.replace(/\\+$/, '') : `\\\\${serverName}\\${shareName}`;
  // A package with a share of its own may be the whole share: its folder is then '.'.
  return folder === '.' ? root : `${root}\\${folder}`;
}

/** The folder of a copy in its content service URL: its folder in the share (`Office\2007` → `Office/2007`), or the package ID for a whole share. */
export function contentUrlFolderOf(folder: string, packageId: string): string {
  return folder === '.' ? packageId : folder.split('\\').join('/');
}

/** A path segment of a content URL: as typed, but for what would end or split the path. */
export function contentUrlSegment(segment: string): string {
  return encodeURI(segment).replace(/\?/g, '%3F').replace(/#/g, '%23');
}
