import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiErrorDto, PathMappingDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { PathMappingDialog } from './path-mapping-dialog';
import { SettingList } from './setting-list';
import { useSettingChanges } from './use-setting-changes';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

type Editing = { readonly mapping: PathMappingDto | null } | null;

/**
 * Path Mappings: the UNC prefixes a site server on Linux or macOS resolves to the folders the
 * shares are mounted on. Each Add, Edit and Remove is saved at once, so the list always shows
 * what the site server uses; it is read again when any console or the CLI changes it.
 */
export function PathMappingsTab({ platform, onStatus }: { readonly platform: string; readonly onStatus: (text: string) => void }) {
  const courier = useCourier();
  const styles = useStyles();
  const [mappings, setMappings] = useState<readonly PathMappingDto[] | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorDto | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let current = true;
    void settle(() => courier['site:path-mappings:list']({})).then((result) => {
      if (!current) return;
      if (result.ok) {
        setMappings(result.value);
        setLoadError(null);
      } else setLoadError(result.error);
    });
    return () => {
      current = false;
    };
  }, [courier, reads]);
  useSettingChanges('pathMappings', () => setReads((n) => n + 1));

  const chosen = mappings?.find((m) => m.uncPrefix === selected) ?? null;

  async function remove(mapping: PathMappingDto): Promise<void> {
    setRemoveError(null);
    const result = await settle(() => courier['site:path-mappings:remove']({ uncPrefix: mapping.uncPrefix }));
    if (!result.ok) {
      setRemoveError(result.error.message);
      return;
    }
    setMappings(result.value);
    setSelected(null);
    onStatus(`Removed the path mapping of ${mapping.uncPrefix}.`);
  }

  const open = (key: string) => {
    const mapping = mappings?.find((m) => m.uncPrefix === key);
    if (mapping) setEditing({ mapping });
  };

  return (
    <div className={styles.page}>
      <Text size={200} className={styles.note}>
        {platform === 'win32'
          ? 'This site server runs on Windows and opens UNC paths itself: it needs no path mappings.'
          : 'This site server does not run on Windows: it reads a UNC source path through the folder its share is mounted on. Changes are saved as you make them.'}
      </Text>
      {loadError !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{loadError.message}</MessageBarBody>
        </MessageBar>
      )}
      {mappings === null && loadError === null && <Spinner size="tiny" label="Reading the path mappings…" />}
      {mappings !== null && (
        <SettingList
          label="Path mappings"
          columns={['UNC path', 'Local path']}
          items={mappings}
          keyOf={(m) => m.uncPrefix}
          cells={(m) => [m.uncPrefix, m.localPath]}
          selected={chosen?.uncPrefix ?? null}
          onSelect={setSelected}
          onOpen={open}
          onDelete={(key) => {
            const mapping = mappings.find((m) => m.uncPrefix === key);
            if (mapping) void remove(mapping);
          }}
          empty="No path mappings. Click Add to map a share."
        />
      )}
      {removeError !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{removeError}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button size="small" disabled={mappings === null} onClick={() => setEditing({ mapping: null })}>
          Add…
        </Button>
        <Button size="small" disabled={chosen === null} onClick={() => chosen && setEditing({ mapping: chosen })}>
          Edit…
        </Button>
        <Button size="small" disabled={chosen === null} onClick={() => chosen && void remove(chosen)}>
          Remove
        </Button>
      </div>
      {editing !== null && (
        <PathMappingDialog
          editing={editing.mapping}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            // Read again: the list is the site's, in its order.
            setReads((n) => n + 1);
            setSelected(saved.uncPrefix);
            onStatus(`Mapped ${saved.uncPrefix} to ${saved.localPath}.`);
          }}
        />
      )}
    </div>
  );
}
