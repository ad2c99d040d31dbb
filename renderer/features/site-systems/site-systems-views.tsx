import { CloudArrowDownRegular, GlobeDesktopRegular, GroupRegular, ServerLinkRegular, ServerRegular, WrenchRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ContentServiceDto, DistributionPointDto, DpGroupDto, MpStatusDto } from '../../../core/api';
import type { LiveList } from '../../client/live-list';
import { dateTimeColumn, NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { ConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { mpAddressText, mpClientsText, mpRoleKey, mpRoleName, mpStateText } from '../management-point/mp-role';
import { contentRoleKey, contentRoleName, contentServiceAddress, contentServiceState } from './content-role';
import type { SiteSystemsRowKinds } from './site-systems-kinds';
import { siteSystemNamed, siteSystemsOf, type SiteServer, type SiteSystem } from './site-systems-store';

export const dpRoleName = 'ConfigMgr Distribution Point';

const siteSystemColumns: readonly DataGridColumn<SiteSystem>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 176, value: (s) => s.serverName, render: (s) => <NameCell icon={ServerRegular} name={s.serverName} /> },
  { id: 'siteCode', label: 'Site Code', kind: 'text', width: 80, value: (s) => s.siteCode },
  // At 1024 pixels the roles take the rest of the pane; a longer list is in the cell's tooltip.
  { id: 'roles', label: 'Roles', kind: 'text', width: 262, value: rolesText },
  { id: 'state', label: 'State', kind: 'text', width: 120, value: (s) => (s.dps.length > 0 && s.dps.every((d) => d.deleting) ? 'Being deleted' : ''), hidePriority: 1 },
];

/** The Roles cell: the management point on the site server, then its DP roles and the content service of its BITS-enabled DPs. */
function rolesText(system: SiteSystem): string {
  const roles: string[] = [];
  if (system.siteServer) roles.push(mpRoleName);
  if (system.dps.length === 1) roles.push(dpRoleName);
  else if (system.dps.length > 1) roles.push(`${dpRoleName} (${system.dps.length})`);
  const bits = system.dps.filter((dp) => dp.bitsEnabled).length;
  if (bits === 1) roles.push(contentRoleName);
  else if (bits > 1) roles.push(`${contentRoleName} (${bits})`);
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

/**
 * A role row of a site system: a distribution point, the management point on the site server, or
 * the content service of a BITS-enabled DP (one service for the site, reached at each DP's name).
 */
export type RoleRow =
  | { readonly kind: 'dp'; readonly dp: DistributionPointDto }
  | { readonly kind: 'mp'; readonly status: MpStatusDto | undefined }
  | { readonly kind: 'content'; readonly dp: DistributionPointDto; readonly service: ContentServiceDto | undefined };

const ifDp = <T,>(row: RoleRow, value: (dp: DistributionPointDto) => T, otherwise: T): T => (row.kind === 'dp' ? value(row.dp) : otherwise);
const ifMp = <T,>(row: RoleRow, value: (status: MpStatusDto | undefined) => T, otherwise: T): T => (row.kind === 'mp' ? value(row.status) : otherwise);

const roleNames: Readonly<Record<RoleRow['kind'], string>> = { dp: dpRoleName, mp: mpRoleName, content: contentRoleName };

function roleIcon(row: RoleRow) {
  if (row.kind === 'mp') return GlobeDesktopRegular;
  if (row.kind === 'content') return CloudArrowDownRegular;
  return row.dp.mode === 'server' ? ServerRegular : ServerLinkRegular;
}

function addressText(row: RoleRow): string {
  if (row.kind === 'dp') return row.dp.serverShare ?? row.dp.name;
  if (row.kind === 'mp') return mpAddressText(row.status);
  return contentServiceAddress(row.service, row.dp);
}

function stateText(row: RoleRow): string {
  if (row.kind === 'dp') return row.dp.deleting ? 'Being deleted' : 'Active';
  if (row.kind === 'mp') return mpStateText(row.status);
  return contentServiceState(row.service);
}

// The columns each role has; the other roles' cells are empty. Those that only one role has
// leave when the pane is narrow, so 1024 pixels show the whole role name, the address and the
// state, 1280 the management point's clients too, and 1440 its last request.
const roleColumns: readonly DataGridColumn<RoleRow>[] = [
  {
    id: 'name',
    label: 'Role Name',
    kind: 'text',
    width: 222,
    value: (row) => roleNames[row.kind],
    render: (row) => <NameCell icon={roleIcon(row)} name={roleNames[row.kind]} />,
  },
  { id: 'dp', label: 'Address', kind: 'text', width: 210, value: addressText },
  { id: 'state', label: 'State', kind: 'text', width: 96, value: stateText },
  { id: 'volumes', label: 'Volumes', kind: 'text', width: 100, value: (row) => ifDp(row, (dp) => (dp.mode === 'server' ? dp.volumes.map((v) => `${v.letter}:`).join(' ') : 'Share'), ''), hidePriority: 3 },
  { id: 'packages', label: 'Packages', kind: 'number', width: 90, align: 'end', value: (row) => ifDp(row, (dp) => dp.packageCount, null), hidePriority: 4 },
  { id: 'clients', label: 'Clients', kind: 'text', width: 160, value: (row) => ifMp(row, mpClientsText, ''), hidePriority: 1 },
  { ...dateTimeColumn<RoleRow>('lastRequest', 'Last Request', (row) => ifMp(row, (status) => status?.lastRequestAt ?? null, null)), hidePriority: 2 },
  { id: 'protected', label: 'Protected', kind: 'text', width: 90, value: (row) => ifDp(row, (dp) => (dp.protected ? 'Yes' : 'No'), ''), hidePriority: 6 },
  { id: 'groups', label: 'Groups', kind: 'text', width: 160, value: (row) => ifDp(row, (dp) => dp.groups.join(', '), ''), hidePriority: 7 },
  { ...dateTimeColumn<RoleRow>('lastModified', 'Last Modified', (row) => ifDp(row, (dp) => dp.lastModified, null)), hidePriority: 5 },
];

/** The key of a DP role row: the DP's name (a site system can hold a server DP and share DPs). */
export const roleKey = (dp: DistributionPointDto): string => dp.name;
function roleRowKey(row: RoleRow): string {
  if (row.kind === 'dp') return roleKey(row.dp);
  if (row.kind === 'mp') return mpRoleKey;
  return contentRoleKey(row.dp);
}

/** A site system's roles: the management point first on the site server, then each DP and, when it is BITS-enabled, its content service. */
export function roleRowsOf(system: SiteSystem | undefined, status: MpStatusDto | undefined, service?: ContentServiceDto): readonly RoleRow[] {
  if (system === undefined) return [];
  const dps = system.dps.flatMap((dp): RoleRow[] => (dp.bitsEnabled ? [{ kind: 'dp', dp }, { kind: 'content', dp, service }] : [{ kind: 'dp', dp }]));
  return system.siteServer ? [{ kind: 'mp', status }, ...dps] : dps;
}

/** A site system: its roles. */
export function SiteSystemView({ node, label, ...events }: DetailsViewProps<'site-system'>): ReactNode {
  const { siteSystems, site, managementPoint } = useConsoleStores();
  const dps = useStore(siteSystems, (s) => s.dps);
  const info = useStore(site, (s) => s.info);
  const status = useStore(managementPoint, (s) => s.status.items[0]);
  const service = useStore(siteSystems, (s) => s.contentService.items[0]);
  const system = useMemo(
    () => siteSystemNamed(dps.items, node.serverName, info === null ? null : { serverName: info.serverName, siteCode: info.siteCode }),
    [dps, info, node.serverName],
  );
  const siteServer = system?.siteServer === true;
  // The management point's state is read while its role is shown, and again on every change.
  useEffect(() => {
    if (siteServer) void managementPoint.getState().loadStatus();
  }, [siteServer, managementPoint]);
  // So is the content service's, while a BITS-enabled DP's role is shown.
  const bits = system?.dps.some((dp) => dp.bitsEnabled) === true;
  useEffect(() => {
    if (bits) void siteSystems.getState().loadContentService();
  }, [bits, siteSystems]);
  const list: LiveList<RoleRow> = useMemo(() => ({ ...dps, items: roleRowsOf(system, status, service) }), [dps, system, status, service]);
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
