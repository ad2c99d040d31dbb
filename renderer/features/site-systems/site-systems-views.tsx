import { GroupRegular, ServerLinkRegular, ServerRegular, WrenchRegular } from '@fluentui/react-icons';
import { useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DistributionPointDto, DpGroupDto } from '../../../core/api';
import type { LiveList } from '../../client/live-list';
import { dateTimeColumn, NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import type { SiteSystemsRowKinds } from './site-systems-kinds';
import { siteSystemNamed, siteSystemsOf, type SiteSystem } from './site-systems-store';

export const dpRoleName = 'ConfigMgr Distribution Point';

const siteSystemColumns: readonly DataGridColumn<SiteSystem>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 240, value: (s) => s.serverName, render: (s) => <NameCell icon={ServerRegular} name={s.serverName} /> },
  { id: 'siteCode', label: 'Site Code', kind: 'text', width: 90, value: (s) => s.siteCode },
  { id: 'roles', label: 'Roles', kind: 'text', width: 260, value: (s) => (s.dps.length === 1 ? dpRoleName : `${dpRoleName} (${s.dps.length})`) },
  { id: 'state', label: 'State', kind: 'text', width: 140, value: (s) => (s.dps.every((d) => d.deleting) ? 'Being deleted' : '') },
];

/** The details list cannot tell a list's items changed unless the array does; this keeps one array per DP list. */
const systemsCache = new WeakMap<readonly DistributionPointDto[], readonly SiteSystem[]>();
export function cachedSiteSystems(dps: readonly DistributionPointDto[]): readonly SiteSystem[] {
  let systems = systemsCache.get(dps);
  if (systems === undefined) {
    systems = siteSystemsOf(dps);
    systemsCache.set(dps, systems);
  }
  return systems;
}

/** Site Settings › Site Systems: the servers with a role for this site. */
export function SiteSystemsView({ node: _node, label, ...events }: DetailsViewProps<'site-systems'>): ReactNode {
  const { siteSystems } = useConsoleStores();
  const dps = useStore(siteSystems, (s) => s.dps);
  const list: LiveList<SiteSystem> = useMemo(() => ({ ...dps, items: cachedSiteSystems(dps.items) }), [dps]);
  return (
    <LiveListView
      {...events}
      what="site systems"
      label={label}
      list={list}
      columns={siteSystemColumns}
      rowKey={(s) => s.serverName}
      storageKey="courier.console.grid.site-systems"
      emptyMessage="No site systems yet. To add one, right-click Site Systems and choose New › Server."
      onRetry={() => void siteSystems.getState().load()}
    />
  );
}

const roleColumns: readonly DataGridColumn<DistributionPointDto>[] = [
  {
    id: 'name',
    label: 'Role Name',
    kind: 'text',
    width: 240,
    value: () => dpRoleName,
    render: (dp) => <NameCell icon={dp.mode === 'server' ? ServerRegular : ServerLinkRegular} name={dpRoleName} />,
  },
  { id: 'dp', label: 'Distribution Point', kind: 'text', width: 200, value: (dp) => dp.serverShare ?? dp.name },
  { id: 'volumes', label: 'Volumes', kind: 'text', width: 120, value: (dp) => (dp.mode === 'server' ? dp.volumes.map((v) => `${v.letter}:`).join(' ') : 'Share') },
  { id: 'packages', label: 'Packages', kind: 'number', width: 90, align: 'end', value: (dp) => dp.packageCount },
  { id: 'protected', label: 'Protected', kind: 'text', width: 90, value: (dp) => (dp.protected ? 'Yes' : 'No') },
  { id: 'groups', label: 'Groups', kind: 'text', width: 160, value: (dp) => dp.groups.join(', ') },
  { id: 'state', label: 'State', kind: 'text', width: 120, value: (dp) => (dp.deleting ? 'Being deleted' : 'Active') },
  dateTimeColumn('lastModified', 'Last Modified', (dp) => dp.lastModified),
];

/** The key of a role row: the DP's name (a site system can hold a server DP and share DPs). */
export const roleKey = (dp: DistributionPointDto): string => dp.name;

/** A site system: its roles. */
export function SiteSystemView({ node, label, ...events }: DetailsViewProps<'site-system'>): ReactNode {
  const { siteSystems } = useConsoleStores();
  const dps = useStore(siteSystems, (s) => s.dps);
  const list: LiveList<DistributionPointDto> = useMemo(() => ({ ...dps, items: siteSystemNamed(dps.items, node.serverName)?.dps ?? [] }), [dps, node.serverName]);
  return (
    <LiveListView
      {...events}
      what="roles"
      label={label}
      list={list}
      columns={roleColumns}
      rowKey={roleKey}
      storageKey="courier.console.grid.site-system-roles"
      emptyMessage="This server has no roles left."
      onRetry={() => void siteSystems.getState().load()}
    />
  );
}

const groupColumns: readonly DataGridColumn<DpGroupDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 220, value: (g) => g.name, render: (g) => <NameCell icon={GroupRegular} name={g.name} /> },
  { id: 'members', label: 'Members', kind: 'number', width: 90, align: 'end', value: (g) => g.members.length },
  { id: 'memberNames', label: 'Distribution Points', kind: 'text', width: 260, value: (g) => g.members.join(', ') },
  { id: 'comment', label: 'Comment', kind: 'text', width: 240, value: (g) => g.description },
  dateTimeColumn('lastModified', 'Last Modified', (g) => g.lastModified),
];

/** Site Settings › Distribution Point Groups. */
export function DpGroupsView({ node: _node, label, ...events }: DetailsViewProps<'dp-groups'>): ReactNode {
  const { siteSystems } = useConsoleStores();
  const list = useStore(siteSystems, (s) => s.groups);
  return (
    <LiveListView
      {...events}
      what="distribution point groups"
      label={label}
      list={list}
      columns={groupColumns}
      rowKey={(g) => g.name}
      storageKey="courier.console.grid.dp-groups"
      emptyMessage="No distribution point groups yet. To make one, right-click Distribution Point Groups and choose New › Distribution Point Group."
      onRetry={() => void siteSystems.getState().load()}
    />
  );
}

export const siteComponents: readonly SiteSystemsRowKinds['site-component'][] = [{ component: 'distmgr', label: 'Software Distribution' }];

const componentColumns: readonly DataGridColumn<SiteSystemsRowKinds['site-component']>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 260, value: (c) => c.label, render: (c) => <NameCell icon={WrenchRegular} name={c.label} /> },
  { id: 'component', label: 'Component', kind: 'text', width: 260, value: () => 'SMS_DISTRIBUTION_MANAGER' },
];

const readyComponents: LiveList<SiteSystemsRowKinds['site-component']> = { status: 'ready', refreshing: false, error: null, items: siteComponents };

/** Site Settings › Component Configuration: the components whose settings this console edits. */
export function ComponentConfigurationView({ node: _node, label, ...events }: DetailsViewProps<'component-configuration'>): ReactNode {
  return (
    <LiveListView
      {...events}
      what="components"
      label={label}
      list={readyComponents}
      columns={componentColumns}
      rowKey={(c) => c.component}
      storageKey="courier.console.grid.component-configuration"
      emptyMessage=""
      onRetry={() => undefined}
    />
  );
}
