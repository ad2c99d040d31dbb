import { Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DefinitionPreviewDto } from '../../../core/api';
import type { SourceFilesMode } from './package-import-steps';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  option: { display: 'flex', flexDirection: 'column' },
  // The explanation sits under its option's label, past the radio circle.
  explain: { paddingLeft: '32px', marginTop: `-${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The console's words for the three choices of the Source Files page. */
export const sourceFilesLabels: Readonly<Record<SourceFilesMode, string>> = {
  none: 'This package does not contain any source files',
  direct: 'Always obtain files from a source directory',
  compressed: 'Create a compressed version of the source',
};

const explanations: Readonly<Record<SourceFilesMode, string>> = {
  none: 'The programs run commands already on the clients; nothing is copied to distribution points.',
  direct: 'Distribution points get the files from the source directory each time the package is updated.',
  compressed: 'The site server keeps a compressed copy of the source directory and sends that to distribution points.',
};

export interface SourceFilesPageProps {
  readonly preview: DefinitionPreviewDto | null;
  readonly value: SourceFilesMode;
  readonly onChange: (mode: SourceFilesMode) => void;
  readonly serverIssue: string | null;
}

/** Source Files (docs/software-distribution.md#create-package-from-definition): how Courier manages the package's source files. */
export function SourceFilesPage({ preview, value, onChange, serverIssue }: SourceFilesPageProps) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Text>Specify how Courier should manage the source files for this package.</Text>
      <RadioGroup aria-label="Source files" value={value} onChange={(_, data) => onChange(data.value as SourceFilesMode)}>
        {(['none', 'direct', 'compressed'] as const).map((mode) => (
          <div key={mode} className={styles.option}>
            <Radio value={mode} label={sourceFilesLabels[mode]} />
            <Text size={200} className={styles.explain}>
              {explanations[mode]}
            </Text>
          </div>
        ))}
      </RadioGroup>
      {preview?.package.containsNoFiles === true && (
        <Text className={styles.note}>The package definition says this package has no source files.</Text>
      )}
      {preview?.msi != null && preview.suggestedSourceDirectory !== '' && (
        <Text className={styles.note}>The folder that holds the Windows Installer file is offered as the source directory.</Text>
      )}
      {serverIssue !== null && (
        <Text role="alert" className={styles.error}>
          {serverIssue}
        </Text>
      )}
    </div>
  );
}
