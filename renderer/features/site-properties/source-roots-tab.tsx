import { Button, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { newRootProblem, type SourceRootsDraft, type SourceRootsIssues } from './source-roots-model';
import { SettingList } from './setting-list';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  addRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  buttons: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

export interface SourceRootsTabProps {
  readonly draft: SourceRootsDraft;
  readonly issues: SourceRootsIssues;
  readonly disabled: boolean;
  readonly onChange: (edit: Partial<SourceRootsDraft>) => void;
}

/**
 * Source Roots: the folders package sources live under and, for a site served beyond its own
 * computer, "Limit browsing to the source roots" (the site server then lists and reads files only
 * under them). Saved with OK or Apply.
 */
export function SourceRootsTab({ draft, issues, disabled, onChange }: SourceRootsTabProps) {
  const styles = useStyles();
  const [adding, setAdding] = useState('');
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = selected !== null && draft.roots.includes(selected) ? selected : null;

  function add(): void {
    const problem = newRootProblem(adding, draft.roots);
    setAddProblem(problem);
    if (problem !== null) return;
    const root = adding.trim();
    onChange({ roots: [...draft.roots, root] });
    setSelected(root);
    setAdding('');
  }

  function remove(root: string): void {
    onChange({ roots: draft.roots.filter((r) => r !== root) });
    setSelected(null);
  }

  return (
    <div className={styles.page}>
      <Field validationMessage={issues.limitBrowsing} validationState={issues.limitBrowsing === undefined ? 'none' : 'error'}>
        <Checkbox
          label="Limit browsing to the source roots"
          checked={draft.limitBrowsing}
          disabled={disabled}
          onChange={(_, data) => onChange({ limitBrowsing: data.checked === true })}
        />
      </Field>
      <Text size={200} className={styles.note}>
        When on, the site server lists folders, checks source directories and reads package definition and Windows Installer files only under
        these folders. Turn it on for a site that consoles reach over the network.
      </Text>
      <Field
        label="Source roots"
        size="small"
        validationMessage={issues.roots}
        validationState={issues.roots === undefined ? 'none' : 'error'}
      >
        <SettingList
          label="Source roots"
          columns={['Folder']}
          items={draft.roots}
          keyOf={(root) => root}
          cells={(root) => [root]}
          selected={chosen}
          onSelect={setSelected}
          onDelete={disabled ? undefined : remove}
          empty="No source roots."
        />
      </Field>
      <div className={styles.buttons}>
        <Button size="small" disabled={disabled || chosen === null} onClick={() => chosen && remove(chosen)}>
          Remove
        </Button>
      </div>
      <div className={styles.addRow}>
        <Field
          className={styles.grow}
          size="small"
          label="New source root"
          validationMessage={addProblem ?? undefined}
          validationState={addProblem === null ? 'none' : 'error'}
        >
          <Input
            size="small"
            value={adding}
            disabled={disabled}
            placeholder="\\fs01\sources or /srv/sources"
            onChange={(_, data) => {
              setAdding(data.value);
              setAddProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Enter adds the root typed; it does not press OK.
              event.preventDefault();
              event.stopPropagation();
              add();
            }}
          />
        </Field>
        <Button size="small" disabled={disabled} onClick={add}>
          Add
        </Button>
      </div>
    </div>
  );
}
