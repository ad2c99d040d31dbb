import type { AccessAccountInput, AccessPermission } from '../api';

/**
 * What a distribution point's share provider does for the Distribution Manager (docs/share-providers.md).
 * A provider never touches the site database: it is given names, paths and access accounts and
 * makes the share and the folders match them, every call idempotent.
 */

/** One access account and its permission, as the package (or the common package share) lists them. */
export interface AccountPermission {
  readonly account: AccessAccountInput;
  readonly permission: AccessPermission;
}

export interface ShareSpec {
  /** SMSPKGD$, or the share of "Share the distribution folder". A name ending in $ is hidden. */
  readonly name: string;
  /** The folder the share exposes, absolute on the machine the provider manages. */
  readonly path: string;
  readonly comment?: string;
  /** Who may use the share and how; an account with No Access is refused even if a group would let it in. */
  readonly permissions: readonly AccountPermission[];
}

/** One client connected to a share (a tree connect), with the files it holds open there. */
export interface ShareConnection {
  /** The account as the server knows it: alice, CONTOSO\alice. */
  readonly user: string;
  /** The client: a host name or address. */
  readonly machine: string;
  /** Open files, relative to the share's folder, with forward slashes. */
  readonly files: readonly string[];
}

/** Limits a question to one folder of the share: a package's folder in SMSPKGx$ (its package ID). */
export interface FolderScope {
  /** A relative path inside the share, forward or back slashes; omitted: the whole share. */
  readonly folder?: string;
}

export interface ProviderDescription {
  readonly kind: 'local' | 'samba' | 'windows';
  /** One sentence an admin reads in the distribution point's properties. */
  readonly summary: string;
  /** Whether ensureShare makes a network share, or only the folder. */
  readonly createsShares: boolean;
  /** Whether access accounts become share and folder permissions. */
  readonly appliesPermissions: boolean;
  /** Whether connections() can see who has the share open (and disconnect() end it). */
  readonly seesConnections: boolean;
}

export interface ShareProvider {
  describe(): ProviderDescription;
  /**
   * Why the provider cannot run on this site server at all, or null when it can. Asked before a
   * package is placed on a DP, so nothing is copied to a DP whose shares and permissions could
   * never be set. Absent: it can always run.
   */
  readonly unavailable?: () => string | null;
  /** Creates the folder (if missing) and the share, or brings an existing share to this definition. */
  ensureShare(spec: ShareSpec): Promise<void>;
  /** Makes a folder and everything in it grant exactly these accounts (a package's folder in SMSPKGx$). */
  setFolderPermissions(path: string, permissions: readonly AccountPermission[]): Promise<void>;
  /** Removes the share, never its folder or files; a share that is not there is not an error. */
  removeShare(name: string): Promise<void>;
  /** Who is connected to the share now, or only those holding files open in one folder of it. */
  connections(name: string, scope?: FolderScope): Promise<ShareConnection[]>;
  /** Ends those connections; answers how many there were. */
  disconnect(name: string, scope?: FolderScope): Promise<number>;
}
