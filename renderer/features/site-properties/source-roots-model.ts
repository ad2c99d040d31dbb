import { maxSourceRoots, sourceDirectoryProblem, type SourceRootsDto, type SourceRootsSetInput } from '../../../core/api';
import { propertiesModel } from '../../components/property-sheet';

export type SitePropertiesTab = 'general' | 'path-mappings' | 'source-roots';

export const sitePropertiesTabs: readonly { readonly id: SitePropertiesTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'path-mappings', label: 'Path Mappings' },
  { id: 'source-roots', label: 'Source Roots' },
];

export interface SourceRootsDraft {
  readonly limitBrowsing: boolean;
  readonly roots: readonly string[];
}

export type SourceRootsIssues = Readonly<Partial<Record<'limitBrowsing' | 'roots', string>>>;

export interface SourceRootsSpec {
  readonly saved: SourceRootsDto;
  readonly draft: SourceRootsDraft;
  readonly edit: Partial<SourceRootsDraft>;
  readonly changes: SourceRootsSetInput;
  readonly issues: SourceRootsIssues;
  readonly tab: SitePropertiesTab;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((root, i) => root === b[i]);

/** The problem with a root the admin is adding, before it reaches the list (the core checks again on Apply). */
export function newRootProblem(root: string, roots: readonly string[]): string | null {
  const trimmed = root.trim();
  if (trimmed === '') return 'Type a folder, such as \\\\fs01\\sources or /srv/sources.';
  if (roots.includes(trimmed)) return `${trimmed} is already a source root.`;
  if (roots.length >= maxSourceRoots) return `A site can have at most ${maxSourceRoots} source roots.`;
  return sourceDirectoryProblem(trimmed);
}

/**
 * The Source Roots tab's draft: "Browse only under these source roots" and the roots. Apply sends
 * only what changed to site:source-roots:set; the core refuses a limit with no roots at the list.
 */
export const sourceRootsProperties = propertiesModel<SourceRootsSpec>({
  draftOf: (saved) => ({ limitBrowsing: saved.limitBrowsing, roots: saved.roots }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: { limitBrowsing?: boolean; roots?: string[] } = {};
    if (draft.limitBrowsing !== saved.limitBrowsing) changes.limitBrowsing = draft.limitBrowsing;
    if (!sameList(draft.roots, saved.roots)) changes.roots = [...draft.roots];
    return changes;
  },
  issues: (draft) => (draft.limitBrowsing && draft.roots.length === 0 ? { roots: 'Add at least one source root before limiting browsing to the source roots.' } : {}),
  fieldTabs: () => ({ roots: 'source-roots', limitBrowsing: 'source-roots' }),
  fieldLabel: (field) => (field === 'limitBrowsing' ? 'Limit browsing to the source roots' : 'Source roots'),
  // "roots" or "roots.2": the list shows it.
  fieldOfError: (path) => (path === undefined ? undefined : path.startsWith('roots') ? 'roots' : path === 'limitBrowsing' ? 'limitBrowsing' : undefined),
  firstTab: 'general',
});
