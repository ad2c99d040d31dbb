import { LogParser, type LogParserOptions, type LogRecord } from '../formats/logs';
import { localFileAccess, localPathOf, openRegularFile, type FileAccess } from './file-access';

/** Small enough that a viewer gets its first records at once, large enough that a 2 GB log reads quickly. */
const readChunkBytes = 256 * 1024;

/**
 * The text encoding of a log from its first bytes: CMTrace and the client write UTF-8, some
 * Windows tools UTF-16 with a byte-order mark. Without a mark it is UTF-8, and bytes that are not
 * (an ANSI log of SMS 2.0) are read as U+FFFD.
 */
function encodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
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
    let decoder: InstanceType<typeof TextDecoder> | null = null;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      decoder ??= new TextDecoder(encodingOf(chunk));
      const records = parser.push(decoder.decode(chunk.subarray(0, bytesRead), { stream: true }));
      if (records.length > 0) yield records;
    }
    const records = [...parser.push(decoder?.decode() ?? ''), ...parser.end()];
    if (records.length > 0) yield records;
  } finally {
    await handle.close();
  }
}
