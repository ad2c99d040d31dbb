import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatByteSize, formatFileCount, type DeploymentDpDto, type DeploymentMemberDto, type DeploymentPreviewDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { formatDateTime } from '../../components/date-time';
import { useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  pair: { display: 'contents' },
  marked: { color: tokens.colorPaletteRedForeground1 },
});

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly preview: DeploymentPreviewDto } | { readonly kind: 'error'; readonly message: string };

const bytes = (n: number | null) => (n === null ? 'unknown' : formatByteSize(n));
const wallClock = (t: { readonly time: string; readonly isGmt: boolean } | null, none: string) => (t === null ? none : `${t.time.replace('T', ' ')}${t.isGmt ? ' UTC' : ' (client local time)'}`);

const dpStateLabels: Readonly<Record<DeploymentDpDto['state'], string>> = { has: 'Has the package', adding: 'Being added', pending: 'On its way' };
const viaLabels: Readonly<Record<NonNullable<DeploymentMemberDto['via']>, string>> = { protected: 'protected DP', siteBoundary: 'site boundary', fallback: 'fallback' };
const typeLabels: Readonly<Record<DeploymentMemberDto['resourceType'], string>> = { system: 'System', user: 'User', userGroup: 'User group' };

function sourceText(p: DeploymentPreviewDto): string {
  if (p.sourceSize === 'none') return 'No source files';
  if (p.sourceSize === 'unknown') return `Version ${p.sourceVersion ?? '?'}: size unknown until measured or copied`;
  return `Version ${p.sourceVersion ?? '?'}: ${formatFileCount(p.sourceFiles ?? 0)}, ${bytes(p.sourceBytes)}`;
}

/** Where a member gets the content, or why it gets none. */
function contentText(p: DeploymentPreviewDto, m: DeploymentMemberDto): string {
  if (m.contentFrom !== null) return `${m.contentFrom} (${m.via === null ? '' : viaLabels[m.via]})`;
  if (m.resourceType !== 'system') return 'Decided on the computer the user logs on to';
  if (m.excludedBy !== null || p.sourceSize === 'none') return '—';
  return 'No distribution point within reach';
}

function Facts({ rows }: { readonly rows: readonly (readonly [string, string])[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Dry Run: what the site would do with the advertisement as saved (docs/distribute-software.md#dry-run):
 * the members and who of them the program's platforms exclude, the distribution point each would
 * use, what is still to copy, when the program becomes available and mandatory, the maintenance
 * windows that defer it, and the warnings. Read when the tab is opened, and again on Refresh.
 */
export function AdvertisementDryRunPage({ advertisementId }: { readonly advertisementId: string }) {
  const page = useFormStyles();
  const styles = useStyles();
  const courier = useCourier();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const current = useRef(0);
  const read = useCallback(() => {
    const ask = ++current.current;
    setLoaded({ kind: 'loading' });
    void settle(() => courier['advertisements:preview']({ advertisementId })).then((result) => {
      if (ask === current.current) setLoaded(result.ok ? { kind: 'ready', preview: result.value } : { kind: 'error', message: result.error.message });
    });
  }, [courier, advertisementId]);
  useEffect(() => {
    read();
    return () => {
      current.current++;
    };
  }, [read]);

  const p = loaded.kind === 'ready' ? loaded.preview : null;
  return (
    <div className={page.page}>
      <div className={styles.header}>
        <Text className={page.note}>What the site would do with this advertisement as saved now; apply changes first to see their effect.</Text>
        <Button size="small" icon={<ArrowClockwiseRegular />} onClick={read} disabled={loaded.kind === 'loading'}>
          Refresh
        </Button>
      </div>
      {loaded.kind === 'loading' && <Spinner size="small" label="Working out the dry run…" />}
      {loaded.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>The dry run could not be worked out: {loaded.message}</MessageBarBody>
        </MessageBar>
      )}
      {p !== null && (
        <>
          {p.notices.map((notice) => (
            <MessageBar key={notice} intent="warning" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ))}
          <GroupFrame legend="Who">
            <Facts
              rows={[
                ['Collection', p.collection === null ? 'None' : `${p.collection.name}${p.collection.includeSubcollections ? ' and its subcollections' : ''}`],
                ['Members', String(p.counts.members)],
                ['Excluded by platform', String(p.counts.excludedByPlatform)],
                ['No distribution point within reach', p.counts.rescuedByFallback > 0 ? `${p.counts.unreachable} (fallback would serve ${p.counts.rescuedByFallback})` : String(p.counts.unreachable)],
              ]}
            />
          </GroupFrame>
          <GroupFrame legend="When">
            <Facts
              rows={[
                ['Available', wallClock(p.availableAt, 'Not set')],
                ['Expires', wallClock(p.expiresAt, 'Never')],
                ['Mandatory', wallClock(p.mandatoryAt, 'Not assigned at a time')],
                ...p.maintenanceWindows.map(
                  (w) =>
                    [
                      `Maintenance windows of ${w.name}`,
                      `${w.members} ${w.members === 1 ? 'member' : 'members'}: ${w.firstRunAt !== null ? `first run at ${formatDateTime(w.firstRunAt)}` : p.mandatoryAt === null ? 'nothing mandatory' : 'no window long enough'}`,
                    ] as const,
                ),
              ]}
            />
          </GroupFrame>
          <GroupFrame legend="Content">
            <Facts rows={[['Source', sourceText(p)]]} />
            {p.distributionPoints.length === 0 ? (
              <Text>{p.sourceSize === 'none' ? 'The package has no source files, so it needs no distribution point: its program runs what clients have.' : 'The package is on no distribution point.'}</Text>
            ) : (
              <Table size="extra-small" aria-label="Distribution points">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Distribution point</TableHeaderCell>
                    <TableHeaderCell>State</TableHeaderCell>
                    <TableHeaderCell>Bytes to send</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.distributionPoints.map((dp) => (
                    <TableRow key={dp.name}>
                      <TableCell>{dp.name}</TableCell>
                      <TableCell>{dp.state === 'pending' && dp.recordState === 'installFailed' ? 'On its way (copy failed)' : dpStateLabels[dp.state]}</TableCell>
                      <TableCell>{bytes(dp.bytesToSend)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </GroupFrame>
          {p.members.length > 0 && (
            <GroupFrame legend={p.counts.members > p.members.length ? `The first ${p.members.length} of ${p.counts.members} members` : 'Members'}>
              <Table size="extra-small" aria-label="Members">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Type</TableHeaderCell>
                    <TableHeaderCell>Content from</TableHeaderCell>
                    <TableHeaderCell>Excluded by</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.members.map((m) => {
                    const unreachable = m.resourceType === 'system' && m.excludedBy === null && m.contentFrom === null && p.sourceSize !== 'none';
                    return (
                      <TableRow key={m.resourceId}>
                        <TableCell>{m.name}</TableCell>
                        <TableCell>{typeLabels[m.resourceType]}</TableCell>
                        <TableCell className={unreachable ? styles.marked : undefined}>{contentText(p, m)}</TableCell>
                        <TableCell className={m.excludedBy !== null ? styles.marked : undefined}>{m.excludedBy ?? ''}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </GroupFrame>
          )}
          <Text className={page.note}>Worked out at {formatDateTime(p.computedAt, { seconds: true })}.</Text>
        </>
      )}
    </div>
  );
}
