import { CourierError } from '../../api';
import { decodeWindows1252 } from './windows-1252';

/** Real definition files are a few KB; anything larger is refused before it is decoded. */
export const maxDefinitionBytes = 1024 * 1024;

const field = 'packageDefinition';

function refuse(message: string): never {
  throw new CourierError('VALIDATION_FAILED', message, field);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Bytes to text, as the console reads a definition file: UTF-16 with a byte-order mark (what
 * Notepad writes as "Unicode"), UTF-8 with or without a BOM, else Windows-1252 (the ANSI code page
 * of the era's files). A file is refused when it is too large, or when it holds NUL bytes or other
 * control characters: then it is not a text file at all (an .msi or .exe chosen by mistake).
 */
export function decodeDefinitionText(bytes: Uint8Array, maxBytes = maxDefinitionBytes): string {
  if (bytes.length > maxBytes) {
    refuse(`This file is ${bytes.length} bytes; a package definition file is at most ${maxBytes} bytes.`);
  }
  if (bytes.length === 0) refuse('This file is empty; a package definition file has at least a [Package Definition] section.');
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    try {
      text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      refuse('This file starts with a UTF-16 byte-order mark but is not valid UTF-16 text.');
    }
  } else {
    if (bytes.includes(0)) refuse('This is a binary file (it contains NUL bytes), not a package definition file.');
    try {
      // TextDecoder drops a leading UTF-8 BOM itself.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8 after all: ANSI. A stray UTF-8 BOM in front is dropped, not read as "ï»¿".
      text = decodeWindows1252(startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes);
    }
  }
  // Tab, line feed, form feed and carriage return occur in text files; other C0 controls do not.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n|\r|\n/).length;
    refuse(`This is not a text file (control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} on line ${line}).`);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
