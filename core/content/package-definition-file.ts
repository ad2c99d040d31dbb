import { maxMsiBytes, readMsiInfo, type MsiInfo } from '../formats/msi';
import { maxDefinitionBytes, parsePackageDefinition, type PackageDefinition } from '../formats/package-definition';
import { readBoundedFile } from './bounded-file';

/** Reads and parses a .sms / .pdf file; larger than 1 MiB is refused before it is read. */
export async function readPackageDefinitionFile(path: string): Promise<PackageDefinition> {
  const bytes = await readBoundedFile(path, maxDefinitionBytes, 'a package definition file', 'packageDefinition');
  return parsePackageDefinition(bytes);
}

/** Reads the product properties of an .msi; larger than 1 GiB is refused before it is read. */
export async function readMsiFile(path: string): Promise<MsiInfo> {
  const bytes = await readBoundedFile(path, maxMsiBytes, 'a Windows Installer file', 'msiFile');
  return readMsiInfo(bytes);
}
