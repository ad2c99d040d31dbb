import {
  ArrowClockwiseRegular,
  BoxRegular,
  PeopleRegular,
  PersonRegular,
  PhoneRegular,
  WindowRegular,
  DeleteRegular,
  DocumentAddRegular,
  FolderOpenRegular,
  QuestionCircleRegular,
  SettingsRegular,
  AddRegular,
} from '@fluentui/react-icons';
import type { AccessAccountDto, PackageDto, ProgramDto } from '../../core/api';
import type { Action, CommandAction } from '../components/action-menu';
import { tidySeparators } from '../components/action-menu';
import { assertNever } from '../components/assert-never';
import type { ConsoleNode } from './console-node';
import type { TreeItem } from './console-tree-model';
import type { DetailsRow } from './details-row';

/** What actions do: implemented once by the shell, so the three menus cannot drift apart. */
export interface ShellCommands {
  newPackage(): void;
  newPackageFromDefinition(): void;
  packageProperties(packageId: string): void;
  deletePackage(pkg: PackageDto): void;
  newProgram(packageId: string): void;
  newDeviceProgram(packageId: string): void;
  programProperties(program: ProgramDto): void;
  deleteProgram(program: ProgramDto): void;
  newAccessAccount(packageId: string, kind: 'windows' | 'generic'): void;
  accessAccountProperties(account: AccessAccountDto): void;
  deleteAccessAccount(account: AccessAccountDto): void;
  refresh(node: ConsoleNode): void;
  help(nodeId: string): void;
  /** Selects a node in the tree (opening a folder row in the details pane). */
  open(nodeId: string): void;
}

export interface ActionContext {
  readonly commands: ShellCommands;
  readonly findPackage: (packageId: string) => PackageDto | undefined;
}

function command(
  id: string,
  label: string,
  run: () => void,
  extra: Partial<Omit<CommandAction, 'kind' | 'id' | 'label' | 'run'>> = {},
): CommandAction {
  return { kind: 'command', id, label, run, ...extra };
}

const separator = (id: string): Action => ({ kind: 'separator', id });

function refreshAction(node: ConsoleNode, ctx: ActionContext): Action {
  return command('refresh', 'Refresh', () => ctx.commands.refresh(node), { icon: ArrowClockwiseRegular, shortcut: 'F5' });
}

function helpAction(item: TreeItem, ctx: ActionContext): Action {
  return command('help', 'Help', () => ctx.commands.help(item.id), { icon: QuestionCircleRegular, shortcut: 'F1' });
}

/** A package's actions, whether it is picked in the tree or as a row of the Packages list. */
function packageActions(item: TreeItem, packageId: string, ctx: ActionContext): readonly Action[] {
  const pkg = ctx.findPackage(packageId);
  const node: ConsoleNode = { kind: 'package', packageId };
  return [
    command('properties', 'Properties', () => ctx.commands.packageProperties(packageId), {
      icon: SettingsRegular,
      disabled: pkg === undefined,
    }),
    command('delete', 'Delete', () => pkg && ctx.commands.deletePackage(pkg), {
      icon: DeleteRegular,
      shortcut: 'Del',
      disabled: pkg === undefined,
    }),
    separator('after-delete'),
    refreshAction(node, ctx),
    separator('before-help'),
    helpAction(item, ctx),
  ];
}

/** The actions of a node in the console tree: its context menu, and its half of the Actions pane. */
export function nodeActions(item: TreeItem, ctx: ActionContext): readonly Action[] {
  const { node } = item;
  switch (node.kind) {
    case 'packages':
      return [
        {
          kind: 'submenu',
          id: 'new',
          label: 'New',
          icon: AddRegular,
          children: [
            command('new-package', 'Package', () => ctx.commands.newPackage(), { icon: BoxRegular }),
            command('new-package-from-definition', 'Package From Definition', () => ctx.commands.newPackageFromDefinition(), {
              icon: DocumentAddRegular,
            }),
          ],
        },
        separator('after-new'),
        refreshAction(node, ctx),
        separator('before-help'),
        helpAction(item, ctx),
      ];
    case 'package':
      return packageActions(item, node.packageId, ctx);
    case 'package-programs':
      return [
        {
          kind: 'submenu',
          id: 'new',
          label: 'New',
          icon: AddRegular,
          children: [
            command('new-program', 'Program', () => ctx.commands.newProgram(node.packageId), { icon: WindowRegular }),
            command('new-device-program', 'Program For Device', () => ctx.commands.newDeviceProgram(node.packageId), {
              icon: PhoneRegular,
            }),
          ],
        },
        separator('after-new'),
        refreshAction(node, ctx),
        separator('before-help'),
        helpAction(item, ctx),
      ];
    case 'package-access-accounts':
      return [
        {
          kind: 'submenu',
          id: 'new',
          label: 'New',
          icon: AddRegular,
          children: [
            command('new-windows-account', 'Windows User Access Account', () => ctx.commands.newAccessAccount(node.packageId, 'windows'), {
              icon: PersonRegular,
            }),
            command('new-generic-account', 'Generic Access Account', () => ctx.commands.newAccessAccount(node.packageId, 'generic'), {
              icon: PeopleRegular,
            }),
          ],
        },
        separator('after-new'),
        refreshAction(node, ctx),
        separator('before-help'),
        helpAction(item, ctx),
      ];
    // Nodes whose content the console can read again.
    case 'site-database':
    case 'computer-management':
    case 'software-distribution':
      return [refreshAction(node, ctx), separator('before-help'), helpAction(item, ctx)];
    // Folders of fixed nodes and features not built yet: nothing to reload, so no Refresh.
    case 'package-distribution-points':
    case 'package-status':
    case 'advertisements':
    case 'collections':
    case 'site-settings':
    case 'site-systems':
    case 'component-configuration':
    case 'client-agents':
    case 'system-status':
    case 'component-status':
    case 'package-status-summary':
    case 'advertisement-status':
    case 'status-message-queries':
      return [helpAction(item, ctx)];
    default:
      return assertNever(node);
  }
}

/**
 * The actions of a row in the details pane. A package row has its package's actions; a folder
 * row (a child node listed in the details pane, as MMC lists them) adds Open to its own.
 */
export function rowActions(item: TreeItem, ctx: ActionContext): readonly Action[] {
  if (item.node.kind === 'package') return nodeActions(item, ctx);
  return tidySeparators([
    command('open', 'Open', () => ctx.commands.open(item.id), { icon: FolderOpenRegular }),
    separator('after-open'),
    ...nodeActions(item, ctx),
  ]);
}

/** A program row of a package's Programs list. */
export function programActions(program: ProgramDto, ctx: ActionContext): readonly Action[] {
  return [
    command('properties', 'Properties', () => ctx.commands.programProperties(program), { icon: SettingsRegular }),
    command('delete', 'Delete', () => ctx.commands.deleteProgram(program), { icon: DeleteRegular, shortcut: 'Del' }),
    separator('after-delete'),
    refreshAction({ kind: 'package-programs', packageId: program.packageId }, ctx),
  ];
}

/** An account row of a package's Access Accounts list. */
export function accessAccountActions(account: AccessAccountDto, ctx: ActionContext): readonly Action[] {
  return [
    command('properties', 'Properties', () => ctx.commands.accessAccountProperties(account), { icon: SettingsRegular }),
    command('delete', 'Delete', () => ctx.commands.deleteAccessAccount(account), { icon: DeleteRegular, shortcut: 'Del' }),
  ];
}

/** The actions of any row of the details pane. */
export function detailsRowActions(row: DetailsRow, ctx: ActionContext): readonly Action[] {
  switch (row.kind) {
    case 'node':
      return rowActions(row.item, ctx);
    case 'program':
      return programActions(row.program, ctx);
    case 'access-account':
      return accessAccountActions(row.account, ctx);
    default:
      return assertNever(row);
  }
}
