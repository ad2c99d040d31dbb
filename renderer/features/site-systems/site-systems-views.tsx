import { GlobeDesktopRegular, GroupRegular, ServerLinkRegular, ServerRegular, WrenchRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DistributionPointDto, DpGroupDto, MpStatusDto } from '../../../core/api';
import type { LiveList } from '../../client/live-list';
import { dateTimeColumn, NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { ConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { mpAddressText, mpClientsText, mpRoleKey, mpRoleName, mpStateText } from '../management-point/mp-role';
import type { SiteSystemsRowKinds } from './site-systems-kinds';
import { siteSystemNamed, siteSystemsOf, type SiteServer, type SiteSystem } from './site-systems-store';

export const dpRoleName = 'ConfigMgr Distribution Point';

const siteSystemColumns: readonly DataGridColumn<SiteSystem>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 240, value: (s) => s.serverName, render: (s) => <NameCell icon={ServerRegular} name={s.serverName} /> },
  { id: 'siteCode', label: 'Site Code', kind: 'text', width: 90, value: (s) => s.siteCode },
  { id: 'roles', label: 'Roles', kind: 'text', width: 260, value: rolesText },
  { id: 'state', label: 'State', kind: 'text', width: 140, value: (s) => (s.dps.length > 0 && s.dps.every((d) => d.deleting) ? 'Being deleted' : '') },
];

/** The Roles cell: the management point on the site server, then its DP roles. */
function rolesText(system: SiteSystem): string {
  const roles: string[] = [];
  if (system.siteServer) roles.push(mpRoleName);
  if (system.dps.length === 1) roles.push(dpRoleName);
  else if (system.dps.length > 1) roles.push(`${dpRoleName} (${system.dps.length})`);
  return roles.join(', ');
}

/** The site server as site:info names it, once read. */
export function siteServerOf(stores: Pick<ConsoleStores, 'site'>): SiteServer | null {
  const info = stores.site.getState().info;
  return info === null ? null : { serverName: info.serverName, siteCode: info.siteCode };
}

/** The details list cannot tell a list's items changed unless the array does; this keeps one array per DP list and site server. */
const systemsCache = new WeakMap<readonly DistributionPointDto[], { readonly server: string; readonly systems: readonly SiteSystem[] }>();
export function cachedSiteSystems(dps: readonly DistributionPointDto[], siteServer: SiteServer | null = null): readonly SiteSystem[] {
  const server = siteServer === null ? '' : `${siteServer.serverName}\n${siteServer.siteCode}`;
  const cached = systemsCache.get(dps);
  if (cached !== undefined && cached.server === server) return cached.systems;
  const systems = siteSystemsOf(dps, siteServer);
  systemsCache.set(dps, { server, systems });
  return systems;
}

/** Site Settings › Site Systems: the servers with a role for this site. */
export function SiteSystemsView({ node: _node, label, ...events }: DetailsViewProps<'site-systems'>): ReactNode {
  const { siteSystems, site } = useConsoleStores();
  const dps = useStore(siteSystems, (s) => s.dps);
  const info = useStore(site, (s) => s.info);
  const list: LiveList<SiteSystem> = useMemo(
    () => ({ ...dps, items: cachedSiteSystems(dps.items, info === null ? null : { serverName: info.serverName, siteCode: info.siteCode }) }),
    [dps, info],
  );
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

/** A role row of a site system: a distribution point, or the management point on the site server. */
export type RoleRow = { readonly kind: 'dp'; readonly dp: DistributionPointDto } | { readonly kind: 'mp'; readonly status: MpStatusDto | undefined };

const ifDp = <T,>(row: RoleRow, value: (dp: DistributionPointDto) => T, otherwise: T): T => (row.kind === 'dp' ? value(row.dp) : otherwise);
const ifMp = <T,>(row: RoleRow, value: (status: MpStatusDto | undefined) => T, otherwise: T): T => (row.kind === 'mp' ? value(row.status) : otherwise);

// The columns each role has; the other role's cells are empty. Those that only one role has
// leave when the pane is narrow, so 1024 pixels show name, address and state, and 1280 the
// management point's clients and last request too.
const roleColumns: readonly DataGridColumn<RoleRow>[] = [
  {
    id: 'name',
    label: 'Role Name',
    kind: 'text',
    width: 190,
    value: (row) => (row.kind === 'dp' ? dpRoleName : mpRoleName),
    render: (row) =>
      row.kind === 'dp' ? <NameCell icon={row.dp.mode === 'server' ? ServerRegular : ServerLinkRegular} name={dpRoleName} /> : <NameCell icon={GlobeDesktopRegular} name={mpRoleName} />,
  },
  { id: 'dp', label: 'Address', kind: 'text', width: 200, value: (row) => (row.kind === 'dp' ? (row.dp.serverShare ?? row.dp.name) : mpAddressText(row.status)) },
  { id: 'state', label: 'State', kind: 'text', width: 120, value: (row) => (row.kind === 'dp' ? (row.dp.deleting ? 'Being deleted' : 'Active') : mpStateText(row.status)) },
  { id: 'volumes', label: 'Volumes', kind: 'text', width: 100, value: (row) => ifDp(row, (dp) => (dp.mode === 'server' ? dp.volumes.map((v) => `${v.letter}:`).join(' ') : 'Share'), ''), hidePriority: 3 },
  { id: 'packages', label: 'Packages', kind: 'number', width: 90, align: 'end', value: (row) => ifDp(row, (dp) => dp.packageCount, null), hidePriority: 4 },
  { id: 'clients', label: 'Clients', kind: 'text', width: 130, value: (row) => ifMp(row, mpClientsText, ''), hidePriority: 1 },
  { ...dateTimeColumn<RoleRow>('lastRequest', 'Last Request', (row) => ifMp(row, (status) => status?.lastRequestAt ?? null, null)), hidePriority: 2 },
  { id: 'protected', label: 'Protected', kind: 'text', width: 90, value: (row) => ifDp(row, (dp) => (dp.protected ? 'Yes' : 'No'), ''), hidePriority: 6 },
  { id: 'groups', label: 'Groups', kind: 'text', width: 160, value: (row) => ifDp(row, (dp) => dp.groups.join(', '), ''), hidePriority: 7 },
  { ...dateTimeColumn<RoleRow>('lastModified', 'Last Modified', (row) => ifDp(row, (dp) => dp.lastModified, null)), hidePriority: 5 },
];

/** The key of a DP role row: the DP's name (a site system can hold a server DP and share DPs). */
export const roleKey = (dp: DistributionPointDto): string => dp.name;
const roleRowKey = (row: RoleRow): string => (row.kind === 'dp' ? roleKey(row.dp) : mpRoleKey);

/** A site system's roles: the management point first on the site server, then its DPs. */
export function roleRowsOf(system: SiteSystem | undefined, status: MpStatusDto | undefined): readonly RoleRow[] {
  if (system === undefined) return [];
  const dps = system.dps.map((dp): RoleRow => ({ kind: 'dp', dp }));
  return system.siteServer ? [{ kind: 'mp', status }, ...dps] : dps;
}

/** A site system: its roles. */
export function SiteSystemView({ node, label, ...events }: DetailsViewProps<'site-system'>): ReactNode {
  const { siteSystems, site, managementPoint } = useConsoleStores();
  const dps = useStore(siteSystems, (s) => s.dps);
  const info = useStore(site, (s) => s.info);
  const status = useStore(managementPoint, (s) => s.status.items[0]);
  const system = useMemo(
    () => siteSystemNamed(dps.items, node.serverName, info === null ? null : { serverName: info.serverName, siteCode: info.siteCode }),
    [dps, info, node.serverName],
  );
  const siteServer = system?.siteServer === true;
  // The management point's state is read while its role is shown, and again on every change.
  useEffect(() => {
    if (siteServer) void managementPoint.getState().loadStatus();
  }, [siteServer, managementPoint]);
  const list: LiveList<RoleRow> = useMemo(() => ({ ...dps, items: roleRowsOf(system, status) }), [dps, system, status]);
  return (
    <LiveListView
      {...events}
      what="roles"
      label={label}
      list={list}
      columns={roleColumns}
      rowKey={roleRowKey}
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
