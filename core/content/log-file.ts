import { LogParser, type LogParserOptions, type LogRecord } from '../formats/logs';
import { decodeWindows1252 } from '../formats/package-definition/windows-1252';
import { localFileAccess, localPathOf, openRegularFile, type FileAccess } from './file-access';

/** Small enough that a viewer gets its first records at once, large enough that a 2 GB log reads quickly. */
const readChunkBytes = 256 * 1024;

/**
 * A log's bytes as text. A byte-order mark says UTF-16 or UTF-8; without one the log is read as
 * UTF-8 (the client's and Courier's logs) until a byte is not, and from there as Windows-1252,
 * the ANSI code page SMS 2.0 and 2003 wrote their site logs in.
 */
class LogTextDecoder {
  #decoder: InstanceType<typeof TextDecoder> | null = null;
  #ansi = false;
  /** The last bytes of the previous chunk: a UTF-8 sequence they started is still in the decoder. */
  #tail = new Uint8Array(0);

  decode(bytes: Uint8Array): string {
    if (this.#ansi) return decodeWindows1252(bytes);
    if (this.#decoder === null) {
      const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
      this.#decoder = utf16 ? new TextDecoder(utf16) : new TextDecoder('utf-8', { fatal: true });
    }
    try {
      const text = this.#decoder.decode(bytes, { stream: true });
      this.#tail = bytes.slice(-3);
      return text;
    } catch {
      this.#ansi = true;
      return decodeWindows1252(new Uint8Array([...pendingUtf8(this.#tail), ...bytes]));
    }
  }

  end(): string {
    if (this.#ansi || this.#decoder === null) return '';
    try {
      return this.#decoder.decode();
    } catch {
      // A log cut inside a UTF-8 sequence: the bytes are read as ANSI.
      return decodeWindows1252(pendingUtf8(this.#tail));
    }
  }
}

/** The bytes at the end of `tail` that begin a UTF-8 sequence not yet complete. */
function pendingUtf8(tail: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, tail.length); back++) {
    const byte = tail[tail.length - back]!;
    if (byte < 0x80) return new Uint8Array(0);
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? tail.slice(tail.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/**
 * The records of a log file, in batches as it is read: the file is never held whole, so a
 * 2 GB log costs one chunk and one record of memory at a time. Refused before anything is
 * read when it is not a regular file (a FIFO, a device, a folder). Stopping the loop early
 * closes the file.
 */
export async function* readLogFile(path: string, options: LogParserOptions = {}, access: FileAccess = localFileAccess()): AsyncGenerator<LogRecord[], void, undefined> {
  const field = 'file';
  const localPath = localPathOf(path, access, field);
  const { handle } = await openRegularFile(path, localPath, 'a log file', field, access.platform);
  try {
    const parser = new LogParser(options);
    const chunk = new Uint8Array(readChunkBytes);
    const decoder = new LogTextDecoder();
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      const records = parser.push(decoder.decode(chunk.subarray(0, bytesRead)));
      if (records.length > 0) yield records;
    }
    const records = [...parser.push(decoder.end()), ...parser.end()];
    if (records.length > 0) yield records;
  } finally {
    await handle.close();
  }
}
