import { fullPackageName, type DefinitionSource, type PackageImportedDto } from '../../../core/api';
import type { SummaryRow, SummarySection } from '../programs/program-summary';
import type { PackageImportState } from './package-import-reducer';
import { sourceFilesLabels } from './source-files-page';

function orNone(value: string): string {
  return value.trim() === '' ? '(none)' : value.trim();
}

export function describeSource(source: DefinitionSource): string {
  return source.kind === 'builtIn' ? `${source.id} (included with Courier)` : `${source.path} (on the site server)`;
}

/** What the wizard will create: the package, where its files come from, and every program. */
export function importSummary(state: PackageImportState): SummarySection[] {
  if (state.read.kind !== 'read') return [];
  const { preview, source } = state.read;
  const p = preview.package;
  const sections: SummarySection[] = [
    {
      title: 'Package',
      rows: [
        { label: 'Full package name', value: fullPackageName(p) },
        { label: 'Name', value: p.name },
        { label: 'Version', value: orNone(p.version) },
        { label: 'Publisher', value: orNone(p.publisher) },
        { label: 'Language', value: orNone(p.language) },
        { label: 'Comment', value: orNone(p.comment) },
        { label: 'Package definition', value: describeSource(source) },
      ],
    },
    {
      title: 'Source Files',
      rows: [
        { label: 'Source files', value: sourceFilesLabels[state.sourceFiles] },
        ...(state.sourceFiles === 'none' ? [] : [{ label: 'Source directory', value: state.sourceDirectory.trim() }]),
      ],
    },
    {
      title: `Programs (${preview.programs.length})`,
      rows: preview.programs.map((program) => ({ label: program.name, value: program.commandLine })),
    },
  ];
  if (preview.notes.length > 0) {
    sections.push({ title: 'Notes', rows: preview.notes.map((note, i) => ({ label: `Note ${i + 1}`, value: note })) });
  }
  return sections;
}

/** The Confirmation page's rows: the new package's ID and its programs. */
export function importedRows(result: PackageImportedDto): SummaryRow[] {
  return [
    { label: 'Package ID', value: result.package.packageId },
    { label: 'Package name', value: fullPackageName(result.package) },
    {
      label: result.programs.length === 1 ? 'Program' : 'Programs',
      value: result.programs.length === 0 ? '(none)' : result.programs.map((program) => program.name).join(', '),
    },
  ];
}
