export { bytesSource, CompoundFile, type ByteSource, type CompoundStream, type StreamReader } from './compound-file';
export { maxMsiBytes, maxPropertyRows, maxPropertyValueBytes, readMsiInfo, readMsiProperties, type MsiInfo, type MsiReadOptions } from './msi-info';
export { decodeStreamName, encodeStreamName } from './stream-names';
