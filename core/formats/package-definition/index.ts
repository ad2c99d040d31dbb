export { parsePackageDefinition, type ParseOptions } from './parse';
export { decodeDefinitionText, maxDefinitionBytes } from './text';
export { maxSections } from './ini';
export { maxPrograms } from './programs';
export { programCreationOrder, toPackageSettings, toProgramSettings } from './settings';
export type { PackageDefinition, PackageDefinitionPackage, PackageDefinitionProgram, SupportedClient, SupportedClients } from './types';
