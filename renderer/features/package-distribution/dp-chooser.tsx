import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DistributionPointDto, DpGroupDto } from '../../../core/api';
import { CheckList } from '../../components/check-list';
import { fieldAnchor } from '../../components/form-layout';
import { BrowseDpGroupDialog } from './browse-dp-group-dialog';
import { dpCount } from './package-dp-labels';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** The DPs a wizard offers, as it reads them (`distribution-points:list`). */
export type DpChoices =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly items: readonly DistributionPointDto[] }
  | { readonly status: 'error'; readonly error: string };

export interface DpChooserProps {
  /** null: not asked yet, shown as reading. */
  readonly choices: DpChoices | null;
  /** Checked DPs, by name. */
  readonly selected: readonly string[];
  /** What the last Select Group did, in words, or null. */
  readonly groupNote: string | null;
  /** Why no DP is offered (every one has the package, the site has none), with the way to add one. */
  readonly emptyMessage: string;
  readonly listHeight: string;
  readonly onSelect: (names: readonly string[]) => void;
  readonly onSelectGroup: (group: DpGroupDto) => void;
  readonly onRetry: () => void;
}

/**
 * The check list of distribution points with Select Group… / Select All / Clear All, as the New
 * Distribution Points wizard and the Distribute Software wizards offer it
 * (docs/console.md#distribution-points).
 */
export function DpChooser({ choices, selected, groupNote, emptyMessage, listHeight, onSelect, onSelectGroup, onRetry }: DpChooserProps) {
  const styles = useStyles();
  const [browsing, setBrowsing] = useState(false);
  return (
    <>
      {(choices === null || choices.status === 'loading') && <Spinner size="tiny" label="Reading the distribution points…" />}
      {choices?.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            The distribution points could not be read: {choices.error}{' '}
            <Button size="small" onClick={onRetry}>
              Retry
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {choices?.status === 'ready' && choices.items.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{emptyMessage}</MessageBarBody>
        </MessageBar>
      )}
      {choices?.status === 'ready' && choices.items.length > 0 && (
        <>
          <div {...fieldAnchor('distributionPoints')}>
            <CheckList
              label="Distribution points"
              height={listHeight}
              items={choices.items.map((dp) => ({ id: dp.name, label: `${dp.name} (${dp.siteCode})${dp.serverShare !== null ? ` on ${dp.serverShare}` : ''}` }))}
              checked={selected}
              onChange={onSelect}
            />
          </div>
          <div className={styles.row}>
            <Button onClick={() => setBrowsing(true)}>Select Group…</Button>
            <Button onClick={() => onSelect(choices.items.map((dp) => dp.name))}>Select All</Button>
            <Button disabled={selected.length === 0} onClick={() => onSelect([])}>
              Clear All
            </Button>
            <Text aria-live="polite">{selected.length === 0 ? 'None selected.' : `${dpCount(selected.length)} selected.`}</Text>
          </div>
          {groupNote !== null && <Text role="note">{groupNote}</Text>}
        </>
      )}
      <BrowseDpGroupDialog
        open={browsing}
        onCancel={() => setBrowsing(false)}
        onSelect={(group) => {
          setBrowsing(false);
          onSelectGroup(group);
        }}
      />
    </>
  );
}
