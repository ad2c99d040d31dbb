/**
 * MSI stream names are packed into the compound file's 31-character limit: two characters of
 * [0-9A-Za-z._] per UTF-16 unit in U+3800–U+47FF, one in U+4800–U+483F, and U+4840 marks a table
 * ("!Property"). Other characters stand for themselves (as in msitools' decode_streamname).
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._';

export function decodeStreamName(encoded: string): string {
  let out = '';
  for (const ch of encoded) {
    const c = ch.charCodeAt(0);
    if (c >= 0x3800 && c < 0x4800) {
      out += (alphabet[(c - 0x3800) & 0x3f] ?? '') + (alphabet[((c - 0x3800) >> 6) & 0x3f] ?? '');
    } else if (c >= 0x4800 && c < 0x4840) {
      out += alphabet[c - 0x4800] ?? '';
    } else if (c === 0x4840) {
      out += '!';
    } else {
      out += ch;
    }
  }
  return out;
}

/** The inverse, for names made only of the packed alphabet (all MSI table names are). */
export function encodeStreamName(name: string, table: boolean): string {
  let out = table ? String.fromCharCode(0x4840) : '';
  for (let i = 0; i < name.length; i++) {
    const a = alphabet.indexOf(name.charAt(i));
    const b = i + 1 < name.length ? alphabet.indexOf(name.charAt(i + 1)) : -1;
    if (a === -1) {
      out += name.charAt(i);
    } else if (b === -1) {
      out += String.fromCharCode(0x4800 + a);
    } else {
      out += String.fromCharCode(0x3800 + a + (b << 6));
      i++;
    }
  }
  return out;
}
