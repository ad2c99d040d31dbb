export { emptyTypeAhead, isTypeAheadKey, typeAheadMatch, typeAheadResetMs, typed } from './type-ahead';
export type { TypeAheadBuffer } from './type-ahead';
