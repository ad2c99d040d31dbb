import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { CollectionPreviewDto, CollectionRuleInput } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { resourceTypeLabels, memberCountText } from './collection-labels';

const useStyles = makeStyles({
  box: {
    maxHeight: '148px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { textAlign: 'left', padding: `1px ${tokens.spacingHorizontalS}`, whiteSpace: 'nowrap' },
    '& th': { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  },
});

export type PreviewState =
  | { readonly state: 'idle' }
  | { readonly state: 'waiting' }
  | { readonly state: 'shown'; readonly preview: CollectionPreviewDto; readonly limit: number }
  | { readonly state: 'failed'; readonly message: string; readonly field: string | undefined };

/** "3 members", or "1,204 members; the first 50 by name are listed". */
export function previewCountText(preview: CollectionPreviewDto, limit: number): string {
  const count = memberCountText(preview.memberCount);
  return preview.memberCount > preview.members.length && preview.members.length === limit ? `${count}; the first ${limit} by name are listed.` : `${count}.`;
}

/**
 * Asks the site server which members rules would give now (`collections:preview`): only the
 * count and the first rows come back. An answer to an older question is dropped.
 */
export function useMembershipPreview(): readonly [PreviewState, (rules: readonly CollectionRuleInput[], limitToCollectionId: string | null, limit?: number) => void] {
  const courier = useCourier();
  const [state, setState] = useState<PreviewState>({ state: 'idle' });
  const asked = useRef(0);
  const run = useCallback(
    (rules: readonly CollectionRuleInput[], limitToCollectionId: string | null, limit = 50) => {
      const question = ++asked.current;
      setState({ state: 'waiting' });
      void settle(() => courier['collections:preview']({ rules: [...rules], limit, ...(limitToCollectionId === null ? {} : { limitToCollectionId }) })).then((result) => {
        if (question !== asked.current) return;
        setState(result.ok ? { state: 'shown', preview: result.value, limit } : { state: 'failed', message: result.error.message, field: result.error.field });
      });
    },
    [courier],
  );
  return [state, run] as const;
}

/** The preview's count and first members, or why there is none. */
export function MembershipPreview({ state, label = 'Previewed members' }: { readonly state: PreviewState; readonly label?: string }): ReactNode {
  const styles = useStyles();
  switch (state.state) {
    case 'idle':
      return null;
    case 'waiting':
      return <Text size={200}>Asking the site server…</Text>;
    case 'failed':
      return (
        <Text size={200} role="alert">
          {state.message}
        </Text>
      );
    case 'shown':
      return (
        <>
          <Text size={200} role="status" aria-label="Preview count">
            {previewCountText(state.preview, state.limit)}
          </Text>
          {state.preview.members.length > 0 && (
            <div className={styles.box}>
              <table className={styles.table} aria-label={label}>
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Resource ID</th>
                    <th>Type</th>
                    <th>Domain</th>
                  </tr>
                </thead>
                <tbody>
                  {state.preview.members.map((m) => (
                    <tr key={m.resourceId}>
                      <td>{m.name}</td>
                      <td>{m.resourceId}</td>
                      <td>{resourceTypeLabels[m.resourceType]}</td>
                      <td>{m.domain ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      );
  }
}
