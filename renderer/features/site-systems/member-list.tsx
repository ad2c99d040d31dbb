import { Button, Dropdown, Option, Text } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { foldNoCase } from '../../../core/api';
import { SmallControls, useFormStyles } from '../../components/form-layout';
import { useRowListStyles } from './row-list-styles';

const columns = { gridTemplateColumns: 'minmax(0, 1fr) 28px' };

/** A DP group's members: each with Remove, and Add for a distribution point not in it yet. */
export function MemberList({ members, dpNames, onChange }: {
  readonly members: readonly string[];
  readonly dpNames: readonly string[];
  readonly onChange: (members: readonly string[]) => void;
}) {
  const styles = useRowListStyles();
  const form = useFormStyles();
  const inGroup = new Set(members.map(foldNoCase));
  const others = dpNames.filter((name) => !inGroup.has(foldNoCase(name)));
  const [adding, setAdding] = useState<string | null>(null);
  const chosen = adding !== null && others.includes(adding) ? adding : null;
  return (
    <SmallControls>
      <div className={styles.column}>
        <div className={styles.box} role="group" aria-label="Members">
          {members.length === 0 && <Text className={styles.empty}>No members yet.</Text>}
          {members.map((member) => (
            <div key={member} className={styles.row} style={columns}>
              <Text>{member}</Text>
              <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove ${member}`} title="Remove from the group" onClick={() => onChange(members.filter((m) => m !== member))} />
            </div>
          ))}
        </div>
        <div className={styles.buttons}>
          <Dropdown
            className={form.dropdown}
            aria-label="Distribution point to add"
            placeholder={others.length === 0 ? 'Every distribution point is a member' : 'Choose a distribution point'}
            disabled={others.length === 0}
            value={chosen ?? ''}
            selectedOptions={chosen === null ? [] : [chosen]}
            onOptionSelect={(_, data) => setAdding(data.optionValue ?? null)}
          >
            {others.map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
          <Button
            size="small"
            icon={<AddRegular />}
            disabled={chosen === null}
            onClick={() => {
              if (chosen === null) return;
              onChange([...members, chosen]);
              setAdding(null);
            }}
          >
            Add
          </Button>
        </div>
      </div>
    </SmallControls>
  );
}
