import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CourierError } from '../api';
import { maxMsiBytes, readMsiInfo, type ByteSource, type MsiInfo } from '../formats/msi';
import { maxDefinitionBytes, parsePackageDefinition, type PackageDefinition } from '../formats/package-definition';
import { openError, readBoundedFile } from './bounded-file';

/** Reads and parses a .sms / .pdf file; larger than 1 MiB is refused before it is read. */
export async function readPackageDefinitionFile(path: string): Promise<PackageDefinition> {
  const bytes = await readBoundedFile(path, maxDefinitionBytes, 'a package definition file', 'packageDefinition');
  return parsePackageDefinition(bytes);
}

/**
 * Reads the product properties of an .msi. Only the compound file's header, allocation table,
 * directory and the three table streams are read (a few hundred KB even for a 1 GB installer).
 */
export async function readMsiFile(path: string): Promise<MsiInfo> {
  const field = 'msiFile';
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw openError(error, path, field);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new CourierError('VALIDATION_FAILED', `${path} is a folder; choose a Windows Installer file.`, field);
    if (!info.isFile()) throw new CourierError('VALIDATION_FAILED', `${path} is not a regular file; choose a Windows Installer file.`, field);
    if (info.size > maxMsiBytes) {
      throw new CourierError('VALIDATION_FAILED', `${path} is ${info.size} bytes; a Windows Installer file is at most ${maxMsiBytes} bytes.`, field);
    }
    const source: ByteSource = {
      size: info.size,
      read(offset, length) {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, info.size - offset)));
        let done = 0;
        while (done < buffer.length) {
          const n = readSync(fd, buffer, done, buffer.length - done, offset + done);
          if (n === 0) break;
          done += n;
        }
        return buffer.subarray(0, done);
      },
    };
    return readMsiInfo(source, { file: path });
  } finally {
    closeSync(fd);
  }
}
