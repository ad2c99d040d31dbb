export { compileQueryRule, type CompiledQueryRule } from './compile-query-rule';
export { likeToGlob } from './glob-pattern';
export { type WqlColumnMapping, type WqlStorageMapping } from './storage-mapping';
