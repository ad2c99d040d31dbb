/**
 * The Create Package From Definition Wizard's pages, in the console's order
 * (docs/software-distribution.md#create-package-from-definition). Source Directory is shown only
 * when the package has source files: "This package does not contain any source files" goes from
 * Source Files straight to Summary.
 */
export type PackageImportStep =
  | { readonly kind: 'definition'; readonly id: 'definition'; readonly heading: string }
  | { readonly kind: 'sourceFiles'; readonly id: 'sourceFiles'; readonly heading: string }
  | { readonly kind: 'sourceDirectory'; readonly id: 'sourceDirectory'; readonly heading: string }
  | { readonly kind: 'summary'; readonly id: 'summary'; readonly heading: string }
  | { readonly kind: 'confirmation'; readonly id: 'confirmation'; readonly heading: string };

export type PackageImportPageId = PackageImportStep['id'];

export const packageImportSteps: readonly PackageImportStep[] = [
  { kind: 'definition', id: 'definition', heading: 'Package Definition' },
  { kind: 'sourceFiles', id: 'sourceFiles', heading: 'Source Files' },
  { kind: 'sourceDirectory', id: 'sourceDirectory', heading: 'Source Directory' },
  { kind: 'summary', id: 'summary', heading: 'Summary' },
  { kind: 'confirmation', id: 'confirmation', heading: 'Confirmation' },
];

export function importStepOf(id: PackageImportPageId): PackageImportStep {
  const step = packageImportSteps.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`No Create Package From Definition Wizard page ${id}`);
  return step;
}

export type SourceFilesMode = 'none' | 'direct' | 'compressed';

/** The pages the wizard walks for a Source Files choice: no source files, no Source Directory page. */
export function importPageIds(sourceFiles: SourceFilesMode): readonly PackageImportPageId[] {
  return packageImportSteps.map((step) => step.id).filter((id) => sourceFiles !== 'none' || id !== 'sourceDirectory');
}
