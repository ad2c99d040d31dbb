/**
 * A status MIF, the file an installer leaves in %TEMP% or %WINDIR% to say how it went (ISMIF32,
 * KB Q268791): a `Component` with a `ComponentID` group (Manufacturer, Product, Version, Locale,
 * Serial Number, Installation) and an `InstallStatus` group (Status, Description).
 */
export interface StatusMif {
  readonly manufacturer: string;
  readonly product: string;
  readonly version: string;
  readonly locale: string;
  readonly serialNumber: string;
  readonly installation: string;
  readonly status: 'Success' | 'Failed';
  readonly description: string;
}

/** The installer may write anything; a real status MIF is a few hundred bytes. */
export const maxMifBytes = 64 * 1024;

export class MifError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'MifError';
  }
}
