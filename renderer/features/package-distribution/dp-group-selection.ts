import { sameNoCase, type DpGroupDto } from '../../../core/api';

export interface DpGroupSelection {
  /** The DPs checked after Select Group, in the list's order. */
  readonly selected: readonly string[];
  /** The group's members the list offers, as the list spells them. */
  readonly inList: readonly string[];
  /** The group's members the list does not offer (they have the package, or are being deleted). */
  readonly notOffered: readonly string[];
}

/**
 * Select Group… adds the members of a DP group to the DPs already checked. Names compare without
 * case, as the site's server names do (SMS_SystemResourceList's ServerName).
 */
export function selectDpGroup(offered: readonly string[], selected: readonly string[], group: DpGroupDto): DpGroupSelection {
  const inList = group.members.map((member) => offered.find((name) => sameNoCase(name, member))).filter((name) => name !== undefined);
  const notOffered = group.members.filter((member) => !offered.some((name) => sameNoCase(name, member)));
  const chosen = new Set([...selected, ...inList]);
  return { selected: offered.filter((name) => chosen.has(name)), inList, notOffered };
}

/** The names of `wanted` that the list offers, in the list's order (Select All, Clear All, a check). */
export function offeredOnly(offered: readonly string[], wanted: readonly string[]): readonly string[] {
  const set = new Set(wanted);
  return offered.filter((name) => set.has(name));
}
