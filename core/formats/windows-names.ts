/**
 * Names a Windows client cannot hold, per "Naming Files, Paths, and Namespaces" (Win32 docs):
 * the characters < > : " / \ | ? * and 0–31, a name ending in a dot or a space, and the
 * reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also with an extension and with
 * the superscript digits ¹²³). A distribution point is read by Windows clients, so a source
 * file with such a name would be copied to a share no client can open it from; and a client that
 * wrote one from a manifest would write to a device or an alternate data stream instead of a file.
 */
const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const forbidden = /[<>:"/\\|?*\u0000-\u001f]/u;

/** Why `name` (one path segment) cannot be held by a Windows file system, or null when it can. */
export function windowsNameProblem(name: string): string | null {
  if (name === '' || name === '.' || name === '..') return 'is not a file name';
  const bad = forbidden.exec(name);
  if (bad !== null) {
    const char = bad[0];
    const shown = char.charCodeAt(0) < 32 ? `control character 0x${char.charCodeAt(0).toString(16).padStart(2, '0')}` : `"${char}"`;
    return `holds ${shown}, which Windows does not allow in a file name`;
  }
  if (/[. ]$/u.test(name)) return 'ends in a dot or a space, which Windows drops from file names';
  if (reserved.test(name)) return `is a reserved Windows device name (${name.split('.')[0]!.toUpperCase()})`;
  if (name.length > 255) return 'is longer than the 255 characters a Windows file name can have';
  return null;
}
