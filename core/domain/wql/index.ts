import type { CheckedQuery } from './checked';
import { checkWql } from './check';
import { parseWql } from './parser';
import { wqlClasses, type WqlClass } from './schema';

export type * from './ast';
export type * from './checked';
export { WqlError, lineAndColumn, wqlError, type WqlSpan } from './errors';
export { wqlLimits } from './limits';
export { parseLikePattern, type LikePart } from './like-pattern';
export { parseWql } from './parser';
export { checkWql } from './check';
export { smsRSystem, smsRUser, smsRUserGroup, wqlClasses, type WqlClass, type WqlClassName, type WqlProperty } from './schema';

/** Parses and checks a query rule; anything Courier cannot run is a WqlError that says where. */
export function readQueryRule(text: string, classes: readonly WqlClass[] = wqlClasses): CheckedQuery {
  return checkWql(parseWql(text), text, classes);
}
