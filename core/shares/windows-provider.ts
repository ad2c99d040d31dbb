import { CourierError, type AccessPermission } from '../api';
import { execFileRunner, mustRun, type CommandRunner } from './command-runner';
import { powershellArgs, psQuote, psScript } from './powershell';
import type { AccountPermission, ShareConnection, ShareProvider, ShareSpec } from './share-provider';
import { checkComment, checkShareFolder, checkShareName, checkWindowsPath } from './share-inputs';

/**
 * SMB shares of the Windows server this runs on, through the SmbShare PowerShell module
 * (New-SmbShare, Grant-, Revoke-, Block-, Unblock-SmbShareAccess, Get-/Close-SmbOpenFile) and
 * icacls for the folder's NTFS ACL. Every value reaches PowerShell as a single-quoted literal,
 * so a name is never code; each call is one script that resolves every account before it
 * changes anything.
 */
export interface WindowsProviderOptions {
  readonly runner?: CommandRunner;
  /** powershell.exe, or pwsh.exe. */
  readonly powershell?: string;
  /** The operating system the site server runs (process.platform); tests pass another. */
  readonly platform?: NodeJS.Platform;
}

/**
 * The generic accounts as well-known SIDs (Microsoft's "Well-known SIDs": BUILTIN\Users,
 * BUILTIN\Guests, BUILTIN\Administrators), so they resolve on a German or French Windows too.
 */
const genericSids = { Users: 'S-1-5-32-545', Guests: 'S-1-5-32-546', Administrators: 'S-1-5-32-544' } as const;
/** LocalSystem, which the site server's services run as, always keeps full control of package folders. */
const localSystemSid = 'S-1-5-18';
const everyoneSid = 'S-1-1-0';

/** Share rights as Grant-SmbShareAccess names them; No Access is a deny (Block-SmbShareAccess). */
const shareRights: Readonly<Record<AccessPermission, string>> = { noAccess: 'Deny', read: 'Read', change: 'Change', fullControl: 'Full' };
/** icacls(1) rights, inherited by subfolders (CI) and files (OI). */
const folderRights: Readonly<Record<AccessPermission, string>> = { noAccess: '(OI)(CI)F', read: '(OI)(CI)RX', change: '(OI)(CI)M', fullControl: '(OI)(CI)F' };

/** An account reference for Resolve-Account: *SID for generic accounts, DOMAIN\name otherwise. */
function accountRef(entry: AccountPermission): string {
  const { account } = entry;
  if (account.kind === 'generic') {
    const sid = genericSids[account.name];
    if (sid === undefined) throw new CourierError('VALIDATION_FAILED', `"${String(account.name)}" is not a generic account (Users, Guests or Administrators).`, 'permissions');
    return `*${sid}`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof account.name !== 'string' || !/^[^\\]+\\[^\\]+$/.test(account.name) || /[\u0000-\u001f\u007f]/.test(account.name)) {
    throw new CourierError('VALIDATION_FAILED', `The access account "${String(account.name)}" is not DOMAIN\\name.`, 'permissions');
  }
  return account.name;
}

function checkPermissions(permissions: readonly AccountPermission[]): { ref: string; permission: AccessPermission }[] {
  const seen = new Set<string>();
  return permissions.map((entry) => {
    const ref = accountRef(entry);
    if (seen.has(ref.toLowerCase())) throw new CourierError('VALIDATION_FAILED', `The access account ${entry.account.name} is listed twice.`, 'permissions');
    seen.add(ref.toLowerCase());
    if (!(entry.permission in shareRights)) throw new CourierError('VALIDATION_FAILED', `"${String(entry.permission)}" is not a permission.`, 'permissions');
    return { ref, permission: entry.permission };
  });
}

/** Turns an account reference into its SID and its name on this server, or says which one is unknown. */
const resolveAccount = [
  'function Resolve-Account([string] $ref) {',
  '  try {',
  "    if ($ref.StartsWith('*')) { $sid = New-Object System.Security.Principal.SecurityIdentifier($ref.Substring(1)) }",
  '    else { $sid = (New-Object System.Security.Principal.NTAccount($ref)).Translate([System.Security.Principal.SecurityIdentifier]) }',
  "    [pscustomobject]@{ Ref = $ref; Sid = $sid.Value; Name = $sid.Translate([System.Security.Principal.NTAccount]).Value }",
  "  } catch { throw ('The account ' + $ref + ' is not known to this server.') }",
  '}',
];

function wantedLines(entries: readonly { ref: string; right: string }[]): string[] {
  const items = entries.map((entry) => `@{ Ref = ${psQuote(entry.ref)}; Right = ${psQuote(entry.right)} }`);
  return [`$wanted = @(foreach ($w in @(${items.join(', ')})) { $r = Resolve-Account $w.Ref; [pscustomobject]@{ Sid = $r.Sid; Name = $r.Name; Right = $w.Right } })`];
}

/** The script of ensureShare: create or update, then make the share's ACL exactly the wanted one. */
export function ensureShareScript(spec: { name: string; path: string; comment: string }, permissions: readonly { ref: string; permission: AccessPermission }[]): string {
  return psScript([
    ...resolveAccount,
    `$name = ${psQuote(spec.name)}`,
    `$path = ${psQuote(spec.path)}`,
    `$description = ${psQuote(spec.comment)}`,
    ...wantedLines(permissions.map((entry) => ({ ref: entry.ref, right: shareRights[entry.permission] }))),
    '[System.IO.Directory]::CreateDirectory($path) | Out-Null',
    '$share = Get-SmbShare -Name $name -ErrorAction SilentlyContinue',
    "if ($null -ne $share -and $share.Path.TrimEnd('\\') -ne $path.TrimEnd('\\')) { throw ('The share ' + $name + ' already exists for another folder, ' + $share.Path + '.') }",
    'if ($null -eq $share) {',
    '  $access = @{}',
    "  foreach ($right in 'Read', 'Change', 'Full') { $names = @($wanted | Where-Object { $_.Right -eq $right } | ForEach-Object { $_.Name }); if ($names.Count -gt 0) { $access[$right + 'Access'] = $names } }",
    "  $deny = @($wanted | Where-Object { $_.Right -eq 'Deny' } | ForEach-Object { $_.Name }); if ($deny.Count -gt 0) { $access['NoAccess'] = $deny }",
    // With no access lists New-SmbShare grants Everyone Read; a share nobody may use starts denied instead.
    `  if ($access.Count -eq 0) { $access['NoAccess'] = @((Resolve-Account ${psQuote(`*${everyoneSid}`)}).Name) }`,
    '  New-SmbShare -Name $name -Path $path -Description $description -FolderEnumerationMode AccessBased @access | Out-Null',
    '} else {',
    '  Set-SmbShare -Name $name -Description $description -FolderEnumerationMode AccessBased -Force | Out-Null',
    '}',
    // Denies first and stale grants revoked before new ones: no moment grants more than the old or the new ACL.
    "foreach ($w in @($wanted | Where-Object { $_.Right -eq 'Deny' })) { Block-SmbShareAccess -Name $name -AccountName $w.Name -Force | Out-Null }",
    "$current = @(Get-SmbShareAccess -Name $name | ForEach-Object { $ace = $_; try { $sid = (New-Object System.Security.Principal.NTAccount($ace.AccountName)).Translate([System.Security.Principal.SecurityIdentifier]).Value } catch { $sid = $ace.AccountName }; [pscustomobject]@{ Name = $ace.AccountName; Sid = $sid; Deny = ([string]$ace.AccessControlType -eq 'Deny'); Right = [string]$ace.AccessRight } })",
    "foreach ($ace in @($current | Where-Object { -not $_.Deny })) { $keep = @($wanted | Where-Object { $_.Sid -eq $ace.Sid -and $_.Right -eq $ace.Right }); if ($keep.Count -eq 0) { Revoke-SmbShareAccess -Name $name -AccountName $ace.Name -Force | Out-Null } }",
    "foreach ($w in @($wanted | Where-Object { $_.Right -ne 'Deny' })) { $has = @($current | Where-Object { -not $_.Deny -and $_.Sid -eq $w.Sid -and $_.Right -eq $w.Right }); if ($has.Count -eq 0) { Grant-SmbShareAccess -Name $name -AccountName $w.Name -AccessRight $w.Right -Force | Out-Null } }",
    "foreach ($ace in @($current | Where-Object { $_.Deny })) { $keep = @($wanted | Where-Object { $_.Sid -eq $ace.Sid -and $_.Right -eq 'Deny' }); if ($keep.Count -eq 0) { Unblock-SmbShareAccess -Name $name -AccountName $ace.Name -Force | Out-Null } }",
  ]);
}

/**
 * The script of setFolderPermissions: the folder stops inheriting, every wanted account is granted
 * (or denied) with icacls, then the explicit entries of accounts no longer listed are removed.
 */
export function folderPermissionsScript(path: string, permissions: readonly { ref: string; permission: AccessPermission }[]): string {
  const entries = [{ ref: `*${localSystemSid}`, right: '(OI)(CI)F' }, ...permissions.map((entry) => ({ ref: entry.ref, right: entry.permission === 'noAccess' ? `deny:${folderRights.noAccess}` : folderRights[entry.permission] }))];
  return psScript([
    ...resolveAccount,
    `$path = ${psQuote(path)}`,
    ...wantedLines(entries),
    "if (-not [System.IO.Directory]::Exists($path)) { throw ('The folder ' + $path + ' does not exist.') }",
    "$grants = @($wanted | Where-Object { -not $_.Right.StartsWith('deny:') } | ForEach-Object { '*' + $_.Sid + ':' + $_.Right })",
    "$denies = @($wanted | Where-Object { $_.Right.StartsWith('deny:') } | ForEach-Object { '*' + $_.Sid + ':' + $_.Right.Substring(5) })",
    "$arguments = @($path, '/inheritance:r', '/grant:r') + $grants",
    "if ($denies.Count -gt 0) { $arguments += @('/deny') + $denies }",
    // Windows PowerShell 5.1 turns a native tool's stderr into a terminating error under 'Stop'; icacls's exit code says it better.
    "$ErrorActionPreference = 'Continue'",
    '$out = & icacls.exe @arguments 2>&1',
    "if ($LASTEXITCODE -ne 0) { throw ('icacls could not set the permissions of ' + $path + ': ' + ($out -join ' ')) }",
    "$ErrorActionPreference = 'Stop'",
    '$stale = @((Get-Acl -LiteralPath $path).Access | Where-Object { -not $_.IsInherited } | ForEach-Object { $id = $_.IdentityReference; try { $id.Translate([System.Security.Principal.SecurityIdentifier]).Value } catch { [string]$id } } | Where-Object { $wanted.Sid -notcontains $_ } | Sort-Object -Unique)',
    "$ErrorActionPreference = 'Continue'",
    "foreach ($sid in $stale) { $out = & icacls.exe $path /remove ('*' + $sid) 2>&1; if ($LASTEXITCODE -ne 0) { throw ('icacls could not remove ' + $sid + ' from ' + $path + ': ' + ($out -join ' ')) } }",
  ]);
}

/** Open files of the share (or of one folder of it), one JSON array, FileId as text (a UInt64 does not fit a double). */
function openFilesLines(name: string, folder: readonly string[] | undefined): string[] {
  return [
    `$name = ${psQuote(name)}`,
    `$folder = ${psQuote((folder ?? []).join('\\'))}`,
    '$share = Get-SmbShare -Name $name -ErrorAction SilentlyContinue',
    "if ($null -eq $share) { $files = @() } else {",
    "  $root = $share.Path.TrimEnd('\\')",
    "  $prefix = if ($folder -eq '') { $root } else { $root + '\\' + $folder }",
    "  $files = @(Get-SmbOpenFile | Where-Object { $_.Path -and ($_.Path -eq $prefix -or $_.Path.StartsWith($prefix + '\\', [System.StringComparison]::OrdinalIgnoreCase)) })",
    '}',
  ];
}

export function connectionsScript(name: string, folder: readonly string[] | undefined): string {
  return psScript([
    ...openFilesLines(name, folder),
    "ConvertTo-Json -Compress -InputObject @($files | ForEach-Object { [pscustomobject]@{ FileId = [string]$_.FileId; SessionId = [string]$_.SessionId; User = [string]$_.ClientUserName; Machine = [string]$_.ClientComputerName; File = [string]$_.ShareRelativePath } })",
  ]);
}

export function disconnectScript(name: string, folder: readonly string[] | undefined): string {
  return psScript([...openFilesLines(name, folder), 'foreach ($file in $files) { Close-SmbOpenFile -FileId $file.FileId -Force -ErrorAction SilentlyContinue }']);
}

export function removeShareScript(name: string): string {
  return psScript([`$name = ${psQuote(name)}`, 'if (Get-SmbShare -Name $name -ErrorAction SilentlyContinue) { Remove-SmbShare -Name $name -Force }']);
}

interface OpenFile {
  readonly SessionId?: string;
  readonly User?: string;
  readonly Machine?: string;
  readonly File?: string;
}

/** Open files grouped by SMB session: one connection per user and machine. */
export function connectionsFromJson(text: string): ShareConnection[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim() === '' ? '[]' : text);
  } catch {
    throw new CourierError('INTERNAL', 'Get-SmbOpenFile did not answer JSON.');
  }
  // ConvertTo-Json of a one-element array still writes the element alone on Windows PowerShell 5.1.
  const files = (Array.isArray(parsed) ? parsed : [parsed]).filter((item): item is OpenFile => item !== null && typeof item === 'object');
  const bySession = new Map<string, { user: string; machine: string; files: string[] }>();
  for (const file of files) {
    const key = `${file.SessionId ?? ''}|${file.User ?? ''}|${file.Machine ?? ''}`;
    const connection = bySession.get(key) ?? { user: file.User ?? '', machine: file.Machine ?? '', files: [] };
    const relative = (file.File ?? '').replace(/\\/g, '/');
    if (relative !== '' && !connection.files.includes(relative)) connection.files.push(relative);
    bySession.set(key, connection);
  }
  return [...bySession.values()].map((connection) => ({ ...connection, files: connection.files.sort() }));
}

export function windowsShareProvider(options: WindowsProviderOptions = {}): ShareProvider {
  const runner = options.runner ?? execFileRunner;
  const powershell = options.powershell ?? 'powershell.exe';
  const run = (what: string, script: string) => mustRun(runner, what, powershell, [...powershellArgs, script]);
  const platform = options.platform ?? process.platform;

  return {
    // With its own runner (the tests' recorder, a remote session) the provider runs anywhere.
    unavailable: () =>
      options.runner !== undefined || platform === 'win32'
        ? null
        : `The Windows share provider creates shares with PowerShell's SmbShare module and sets folder permissions with icacls, which run only on Windows; ` +
          `this site server runs ${platform}. Nothing was copied. Give the distribution point the local or Samba share provider, or manage it from a Windows site server.`,
    describe: () => ({
      kind: 'windows',
      summary: 'Windows SMB shares (New-SmbShare, Grant-SmbShareAccess) with NTFS permissions set by icacls; connected users from Get-SmbOpenFile.',
      createsShares: true,
      appliesPermissions: true,
      seesConnections: true,
    }),
    async ensureShare(spec: ShareSpec) {
      const name = checkShareName(spec.name);
      const path = checkWindowsPath(spec.path);
      const comment = checkComment(spec.comment);
      const permissions = checkPermissions(spec.permissions);
      await run(`Creating share ${name}`, ensureShareScript({ name, path, comment }, permissions));
    },
    async setFolderPermissions(path, permissions) {
      const folder = checkWindowsPath(path);
      await run(`Setting the permissions of ${folder}`, folderPermissionsScript(folder, checkPermissions(permissions)));
    },
    async removeShare(name) {
      await run(`Removing share ${checkShareName(name)}`, removeShareScript(name));
    },
    async connections(name, scope) {
      const result = await run(`Asking who is connected to ${checkShareName(name)}`, connectionsScript(name, checkShareFolder(scope?.folder)));
      return connectionsFromJson(result.stdout);
    },
    async disconnect(name, scope) {
      const folder = checkShareFolder(scope?.folder);
      const found = connectionsFromJson((await run(`Asking who is connected to ${checkShareName(name)}`, connectionsScript(name, folder))).stdout);
      if (found.length === 0) return 0;
      await run(`Disconnecting users from ${name}`, disconnectScript(name, folder));
      return found.length;
    },
  };
}
