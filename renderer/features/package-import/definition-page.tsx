import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BuiltInDefinitionDto, DefinitionPreviewDto, DefinitionSource } from '../../../core/api';
import { DataGrid, type DataGridColumn } from '../../components/data-grid';
import { fieldAnchor } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { definitionProblems, plainProblem } from './definition-problems';
import type { DefinitionRead } from './package-import-reducer';
import { fileType } from '../../components/server-browser';
import { ServerFileField } from './server-file-field';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    height: '104px',
    flexShrink: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  listLabel: { fontWeight: tokens.fontWeightSemibold },
  details: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: '96px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  row: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  items: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // The command line under its program's name, as the admin reads one program at a time.
  command: { display: 'block', color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export type DefinitionList =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly definitions: readonly BuiltInDefinitionDto[] }
  | { readonly status: 'error'; readonly message: string };

export interface DefinitionPageProps {
  readonly list: DefinitionList;
  readonly read: DefinitionRead;
  /** The path typed in the file field (kept by the wizard, so Previous finds it again). */
  readonly path: string;
  readonly onPathChange: (path: string) => void;
  readonly onChoose: (source: DefinitionSource, reread?: boolean) => void;
  /** The core's complaint about the definition after a failed import. */
  readonly serverIssue: string | null;
}

/** How the list names a definition's format: what tells two definitions of one product apart. */
export const definitionFormatNames: Readonly<Record<BuiltInDefinitionDto['format'], string>> = {
  '2.0': 'SMS 2.0',
  '1.0': 'SMS 1.x',
};

const columns: readonly DataGridColumn<BuiltInDefinitionDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', value: (d) => d.name, width: 152 },
  { id: 'version', label: 'Version', kind: 'text', value: (d) => d.version, width: 56 },
  { id: 'format', label: 'Format', kind: 'text', value: (d) => definitionFormatNames[d.format], width: 72 },
  { id: 'file', label: 'File', kind: 'text', value: (d) => d.fileName, width: 200 },
  { id: 'publisher', label: 'Publisher', kind: 'text', value: (d) => d.publisher, width: 120 },
  { id: 'language', label: 'Language', kind: 'text', value: (d) => d.language, width: 80 },
];

const definitionKey = (definition: BuiltInDefinitionDto): string => definition.id;

/** The Open dialog's choices: every kind the wizard reads first, then each on its own. */
const definitionFileTypes = [
  fileType('Package definitions and Windows Installer packages', ['.sms', '.pdf', '.msi']),
  fileType('Package definition files', ['.sms', '.pdf']),
  fileType('Windows Installer packages', ['.msi']),
];

const formatLabels: Readonly<Record<DefinitionPreviewDto['format'], string>> = {
  '2.0': 'package definition file, format 2.0',
  '1.0': 'SMS 1.x package definition file',
  msi: 'Windows Installer file',
};

function Preview({ preview, source }: { readonly preview: DefinitionPreviewDto; readonly source: DefinitionSource }) {
  const styles = useStyles();
  const p = preview.package;
  const file = source.kind === 'builtIn' ? `${source.id} (included with Courier)` : source.path;
  const rows: [string, string][] = [
    ['File', `${file}; ${formatLabels[preview.format]}`],
    ['Name', p.name],
    ['Version', p.version || '(none)'],
    ['Publisher', p.publisher || '(none)'],
    ['Language', p.language || '(none)'],
    ['Comment', p.comment || '(none)'],
  ];
  if (preview.msi !== null) rows.push(['Product code', preview.msi.productCode]);
  return (
    <GroupFrame legend="Package definition details">
      <dl className={styles.details} aria-label="Package definition details">
        {rows.map(([label, value]) => (
          <div key={label} className={styles.row}>
            <dt className={styles.label}>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
        <div className={styles.row}>
          <dt className={styles.label}>Programs</dt>
          <dd className={styles.value}>
            <ul className={styles.items} aria-label="Programs">
              {preview.programs.map((program) => (
                <li key={program.name}>
                  {program.name}
                  <span className={styles.command}>{program.commandLine}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {preview.notes.length > 0 && (
          <div className={styles.row}>
            <dt className={styles.label}>Notes</dt>
            <dd className={styles.value}>
              <ul className={styles.items} aria-label="Notes">
                {preview.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </GroupFrame>
  );
}

/** Package Definition (docs/software-distribution.md#create-package-from-definition): a definition shipped with Courier, or a file on the site server. */
export function DefinitionPage({ list, read, path, onPathChange, onChoose, serverIssue }: DefinitionPageProps) {
  const styles = useStyles();
  const chosen = read.kind === 'none' ? null : read.source;
  const selectedKeys = chosen?.kind === 'builtIn' ? [chosen.id] : [];

  function openPath(): void {
    const typed = path.trim();
    if (typed !== '') onChoose({ kind: 'file', path: typed }, true);
  }

  return (
    <div className={styles.page}>
      <Text>
        Select a package definition, or click Browse to choose a .sms or .pdf package definition file or a Windows
        Installer (.msi) file on the site server.
      </Text>
      <Text className={styles.listLabel}>
        Package definition
      </Text>
      {list.status === 'error' ? (
        <MessageBar intent="error">
          <MessageBarBody>Courier cannot list its package definitions: {list.message}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.list} {...fieldAnchor('definition')}>
          <DataGrid
            label="Package definition"
            rows={list.status === 'ready' ? list.definitions : []}
            columns={columns}
            getRowKey={definitionKey}
            selectedKeys={selectedKeys}
            onSelectionChange={(keys) => {
              const id = keys[0];
              if (id !== undefined) onChoose({ kind: 'builtIn', id });
            }}
            rowHeight={24}
            emptyMessage={list.status === 'loading' ? 'Reading the package definitions…' : 'Courier has no built-in package definitions.'}
          />
        </div>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          openPath();
        }}
      >
        <ServerFileField
          label="File on the site server"
          value={path}
          onChange={onPathChange}
          fileTypes={definitionFileTypes}
          browseTitle="Open Package Definition File"
          onBrowsed={(file) => onChoose({ kind: 'file', path: file }, true)}
          placeholder="For example \\server\share\app.sms"
        >
          <Button size="small" type="submit" disabled={path.trim() === ''}>
            Open
          </Button>
        </ServerFileField>
      </form>
      {read.kind === 'reading' && <Spinner size="tiny" labelPosition="after" label="Reading the package definition…" />}
      {read.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Courier cannot use this package definition.</MessageBarTitle>
            <ul className={styles.problems} aria-label="Problems">
              {definitionProblems(read.error).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {read.kind === 'read' && serverIssue !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The site server did not create the package.</MessageBarTitle>
            {serverIssue}
          </MessageBarBody>
        </MessageBar>
      )}
      {read.kind === 'read' && read.preview.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some values are longer than a package keeps; they will be imported cut.</MessageBarTitle>
            <ul className={styles.problems} aria-label="Warnings">
              {read.preview.warnings.map((warning) => (
                <li key={warning}>{plainProblem(warning)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {read.kind === 'read' && <Preview preview={read.preview} source={read.source} />}
    </div>
  );
}
