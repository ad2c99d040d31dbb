export { bytesSource, CompoundFile, type ByteSource, type CompoundStream } from './compound-file';
export { maxMsiBytes, readMsiInfo, readMsiProperties, type MsiInfo } from './msi-info';
export { decodeStreamName, encodeStreamName } from './stream-names';
