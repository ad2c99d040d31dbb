import {
  BoxCheckmarkRegular,
  BoxMultipleRegular,
  BoxRegular,
  DatabaseRegular,
  DesktopRegular,
  DocumentSearchRegular,
  HeartPulseRegular,
  MegaphoneLoudRegular,
  MegaphoneRegular,
  PeopleCommunityRegular,
  PeopleLockRegular,
  PlugConnectedRegular,
  PuzzlePieceRegular,
  ServerMultipleRegular,
  ServerRegular,
  SettingsRegular,
  StatusRegular,
  AppsListRegular,
  WindowRegular,
  WrenchRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import { assertNever } from '../components/assert-never';

/**
 * Every kind of node in the console tree. The tree, the details pane, the actions and the
 * help all switch on `kind` exhaustively: a new node kind does not compile until each of them
 * says what it does with it.
 */
export type ConsoleNode =
  | { readonly kind: 'site-database' }
  | { readonly kind: 'computer-management' }
  | { readonly kind: 'software-distribution' }
  | { readonly kind: 'packages' }
  | { readonly kind: 'package'; readonly packageId: string }
  | { readonly kind: 'package-access-accounts'; readonly packageId: string }
  | { readonly kind: 'package-distribution-points'; readonly packageId: string }
  | { readonly kind: 'package-programs'; readonly packageId: string }
  | { readonly kind: 'package-status'; readonly packageId: string }
  | { readonly kind: 'advertisements' }
  | { readonly kind: 'collections' }
  | { readonly kind: 'site-settings' }
  | { readonly kind: 'site-systems' }
  | { readonly kind: 'component-configuration' }
  | { readonly kind: 'client-agents' }
  | { readonly kind: 'system-status' }
  | { readonly kind: 'component-status' }
  | { readonly kind: 'package-status-summary' }
  | { readonly kind: 'advertisement-status' }
  | { readonly kind: 'status-message-queries' };

export type ConsoleNodeKind = ConsoleNode['kind'];

/** What the details pane shows for a node. */
export type NodeContent =
  /** The node's children as a list, as MMC shows a folder. */
  | { readonly kind: 'children' }
  | { readonly kind: 'packages' }
  /** A package's programs, read from the site. */
  | { readonly kind: 'programs'; readonly packageId: string }
  /** A package's access accounts, read from the site. */
  | { readonly kind: 'access-accounts'; readonly packageId: string }
  /** A feature that is not built yet: an honest sentence instead of fake rows. */
  | { readonly kind: 'not-built'; readonly message: string };

export interface NodeInfo {
  /** The node's name (package nodes are named after their package instead). */
  readonly label: string;
  readonly icon: FluentIcon;
  /** One line for the Description column and the Help dialog. */
  readonly description: string;
  readonly content: NodeContent;
}

function notBuilt(message: string): NodeContent {
  return { kind: 'not-built', message };
}

export function nodeInfo(node: ConsoleNode): NodeInfo {
  switch (node.kind) {
    case 'site-database':
      return {
        label: 'Site Database',
        icon: DatabaseRegular,
        description: 'The site this console is connected to: its computers, software and settings.',
        content: { kind: 'children' },
      };
    case 'computer-management':
      return {
        label: 'Computer Management',
        icon: DesktopRegular,
        description: 'Software distribution and the collections of computers it targets.',
        content: { kind: 'children' },
      };
    case 'software-distribution':
      return {
        label: 'Software Distribution',
        icon: AppsListRegular,
        description: 'Packages of software and the advertisements that offer them to collections.',
        content: { kind: 'children' },
      };
    case 'packages':
      return {
        label: 'Packages',
        icon: BoxMultipleRegular,
        description: 'Software packages: their source files, programs and distribution points.',
        content: { kind: 'packages' },
      };
    case 'package':
      return {
        label: 'Package',
        icon: BoxRegular,
        description: 'A software package: its access accounts, distribution points, programs and status.',
        content: { kind: 'children' },
      };
    case 'package-access-accounts':
      return {
        label: 'Access Accounts',
        icon: PeopleLockRegular,
        description: 'Who may read this package on its distribution points.',
        content: { kind: 'access-accounts', packageId: node.packageId },
      };
    case 'package-distribution-points':
      return {
        label: 'Distribution Points',
        icon: ServerRegular,
        description: 'The servers that hold a copy of this package for clients.',
        content: notBuilt('Distribution points arrive with the distribution feature; nothing to show yet.'),
      };
    case 'package-programs':
      return {
        label: 'Programs',
        icon: WindowRegular,
        description: 'The command lines that install or run this package on clients.',
        content: { kind: 'programs', packageId: node.packageId },
      };
    case 'package-status':
      return {
        label: 'Package Status',
        icon: StatusRegular,
        description: 'Where this package has been copied, and how each copy is doing.',
        content: notBuilt('Package status arrives with the status feature; nothing to show yet.'),
      };
    case 'advertisements':
      return {
        label: 'Advertisements',
        icon: MegaphoneRegular,
        description: 'Offers of a program to a collection, with a schedule.',
        content: notBuilt('Advertisements arrive with the advertisements feature; nothing to show yet.'),
      };
    case 'collections':
      return {
        label: 'Collections',
        icon: PeopleCommunityRegular,
        description: 'Groups of computers and users that advertisements target.',
        content: notBuilt('Collections arrive with the collections feature; nothing to show yet.'),
      };
    case 'site-settings':
      return {
        label: 'Site Settings',
        icon: SettingsRegular,
        description: 'How this site is set up: its site systems, components and client agents.',
        content: { kind: 'children' },
      };
    case 'site-systems':
      return {
        label: 'Site Systems',
        icon: ServerMultipleRegular,
        description: 'The servers that play a role for this site, such as distribution points.',
        content: notBuilt('Site systems arrive with the site systems feature; nothing to show yet.'),
      };
    case 'component-configuration':
      return {
        label: 'Component Configuration',
        icon: WrenchRegular,
        description: 'Settings of the site components, such as the Software Distribution component.',
        content: notBuilt('Component configuration arrives with the site components feature; nothing to show yet.'),
      };
    case 'client-agents':
      return {
        label: 'Client Agents',
        icon: PlugConnectedRegular,
        description: 'Settings for the agents that run on client computers.',
        content: notBuilt('Client agents arrive with the client feature; nothing to show yet.'),
      };
    case 'system-status':
      return {
        label: 'System Status',
        icon: HeartPulseRegular,
        description: 'Status messages and summaries from the site components.',
        content: { kind: 'children' },
      };
    case 'component-status':
      return {
        label: 'Component Status',
        icon: PuzzlePieceRegular,
        description: 'How each site component is doing, from its status messages.',
        content: notBuilt('Component status arrives with the status feature; nothing to show yet.'),
      };
    case 'package-status-summary':
      return {
        label: 'Package Status',
        icon: BoxCheckmarkRegular,
        description: 'For every package, how many distribution points hold it.',
        content: notBuilt('Package status arrives with the status feature; nothing to show yet.'),
      };
    case 'advertisement-status':
      return {
        label: 'Advertisement Status',
        icon: MegaphoneLoudRegular,
        description: 'For every advertisement, how many clients received and ran it.',
        content: notBuilt('Advertisement status arrives with the advertisements feature; nothing to show yet.'),
      };
    case 'status-message-queries':
      return {
        label: 'Status Message Queries',
        icon: DocumentSearchRegular,
        description: 'Saved searches over the status messages of the site.',
        content: notBuilt('Status message queries arrive with the status feature; nothing to show yet.'),
      };
    default:
      return assertNever(node);
  }
}

/** The node's fixed children in console order; a package folder's children come from the site. */
export function fixedChildren(node: ConsoleNode): readonly ConsoleNode[] {
  switch (node.kind) {
    case 'site-database':
      return [{ kind: 'computer-management' }, { kind: 'site-settings' }, { kind: 'system-status' }];
    case 'computer-management':
      return [{ kind: 'software-distribution' }, { kind: 'collections' }];
    case 'software-distribution':
      return [{ kind: 'packages' }, { kind: 'advertisements' }];
    case 'package':
      return [
        { kind: 'package-access-accounts', packageId: node.packageId },
        { kind: 'package-distribution-points', packageId: node.packageId },
        { kind: 'package-programs', packageId: node.packageId },
        { kind: 'package-status', packageId: node.packageId },
      ];
    case 'site-settings':
      return [{ kind: 'site-systems' }, { kind: 'component-configuration' }, { kind: 'client-agents' }];
    case 'system-status':
      return [
        { kind: 'component-status' },
        { kind: 'package-status-summary' },
        { kind: 'advertisement-status' },
        { kind: 'status-message-queries' },
      ];
    case 'packages':
    case 'package-access-accounts':
    case 'package-distribution-points':
    case 'package-programs':
    case 'package-status':
    case 'advertisements':
    case 'collections':
    case 'site-systems':
    case 'component-configuration':
    case 'client-agents':
    case 'component-status':
    case 'package-status-summary':
    case 'advertisement-status':
    case 'status-message-queries':
      return [];
    default:
      return assertNever(node);
  }
}

/** The node's part of its id path: a package's ID, otherwise its kind. */
export function idSegment(node: ConsoleNode): string {
  return node.kind === 'package' ? node.packageId : node.kind;
}
