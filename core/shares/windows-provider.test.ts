import { describe, expect, it } from 'vitest';
import type { CommandResult, CommandRunner } from './command-runner';
import type { AccountPermission } from './share-provider';
import { connectionsFromJson, windowsShareProvider } from './windows-provider';

/** The process edge: powershell.exe cannot run here, so the calls are recorded and answered. */
function recorder(answers: Partial<CommandResult>[] = []) {
  const calls: { file: string; args: readonly string[] }[] = [];
  const runner: CommandRunner = async (file, args) => {
    calls.push({ file, args });
    return { exitCode: 0, stdout: '', stderr: '', ...answers.shift() };
  };
  return { calls, runner };
}

const quotes = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);

/**
 * Splits a script as PowerShell's tokenizer reads single-quoted strings (about_Quoting_Rules): a
 * quote opens one, two quotes in a row are one literal quote, a lone quote closes it.
 */
function tokenize(script: string): { code: string; literals: string[] } {
  let code = '';
  const literals: string[] = [];
  for (let index = 0; index < script.length; index += 1) {
    const character = script[index] ?? '';
    if (!quotes.has(character)) {
      code += character;
      continue;
    }
    let literal = '';
    for (index += 1; index < script.length; index += 1) {
      const inner = script[index] ?? '';
      if (quotes.has(inner)) {
        if (quotes.has(script[index + 1] ?? '')) {
          literal += script[index + 1];
          index += 1;
          continue;
        }
        break;
      }
      literal += inner;
    }
    literals.push(literal);
    code += "'…'";
  }
  return { code, literals };
}

const scriptOf = (call: { args: readonly string[] } | undefined) => call?.args.at(-1) ?? '';

const windowsAccount = (name: string, permission: AccountPermission['permission'] = 'read'): AccountPermission => ({
  account: { kind: 'windows', name, accountType: 'user' },
  permission,
});
const common: AccountPermission[] = [
  { account: { kind: 'generic', name: 'Users' }, permission: 'read' },
  { account: { kind: 'generic', name: 'Administrators' }, permission: 'fullControl' },
];

describe('the Windows share provider', () => {
  it('says it cannot run on a site server that is not Windows, unless given a runner of its own', () => {
    expect(windowsShareProvider({ platform: 'linux' }).unavailable?.()).toMatch(/run only on Windows; this site server runs linux\. Nothing was copied\./);
    expect(windowsShareProvider({ platform: 'win32' }).unavailable?.()).toBeNull();
    expect(windowsShareProvider({ platform: 'linux', runner: recorder().runner }).unavailable?.()).toBeNull();
  });

  it('runs one PowerShell script with no profile and no prompt for ensureShare', async () => {
    const { calls, runner } = recorder();
    await windowsShareProvider({ runner }).ensureShare({ name: 'SMSPKGD$', path: 'D:\\SMSPKGD$', comment: 'Courier', permissions: [...common, windowsAccount('CONTOSO\\Sales', 'change'), windowsAccount('CONTOSO\\eve', 'noAccess')] });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.file).toBe('powershell.exe');
    expect(calls[0]?.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    const script = scriptOf(calls[0]);
    expect(script).toContain("$name = 'SMSPKGD$'");
    expect(script).toContain("$path = 'D:\\SMSPKGD$'");
    expect(script).toContain("@{ Ref = '*S-1-5-32-545'; Right = 'Read' }");
    expect(script).toContain("@{ Ref = '*S-1-5-32-544'; Right = 'Full' }");
    expect(script).toContain("@{ Ref = 'CONTOSO\\Sales'; Right = 'Change' }");
    expect(script).toContain("@{ Ref = 'CONTOSO\\eve'; Right = 'Deny' }");
    expect(script).toMatch(/New-SmbShare -Name \$name -Path \$path -Description \$description -FolderEnumerationMode AccessBased @access/);
    for (const cmdlet of ['Grant-SmbShareAccess', 'Revoke-SmbShareAccess', 'Block-SmbShareAccess', 'Unblock-SmbShareAccess']) expect(script).toContain(cmdlet);
    // Every account is resolved before the first change.
    expect(script.indexOf('$wanted = ')).toBeLessThan(script.indexOf('CreateDirectory'));
    expect(script.startsWith("$ErrorActionPreference = 'Stop'")).toBe(true);
  });

  it('sets the folder ACL with icacls: no inheritance, LocalSystem kept, No Access as a deny, stale entries removed', async () => {
    const { calls, runner } = recorder();
    await windowsShareProvider({ runner }).setFolderPermissions('D:\\SMSPKGD$\\A0100001\\', [...common, windowsAccount('CONTOSO\\eve', 'noAccess'), windowsAccount('CONTOSO\\Sales', 'change')]);
    const script = scriptOf(calls[0]);
    expect(script).toContain("$path = 'D:\\SMSPKGD$\\A0100001'");
    expect(script).toContain("@{ Ref = '*S-1-5-18'; Right = '(OI)(CI)F' }");
    expect(script).toContain("@{ Ref = '*S-1-5-32-545'; Right = '(OI)(CI)RX' }");
    expect(script).toContain("@{ Ref = 'CONTOSO\\Sales'; Right = '(OI)(CI)M' }");
    expect(script).toContain("@{ Ref = 'CONTOSO\\eve'; Right = 'deny:(OI)(CI)F' }");
    expect(script).toContain("$arguments = @($path, '/inheritance:r', '/grant:r') + $grants");
    expect(script).toContain('& icacls.exe @arguments');
    expect(script).toContain("& icacls.exe $path /remove ('*' + $sid)");
  });

  const hostile = [
    "CONTOSO\\O'Brien",
    "CONTOSO\\x'; Remove-Item -Recurse C:/; '",
    'CONTOSO\\x\u2019; Stop-Computer; \u2018',
    'CONTOSO\\$(Stop-Computer)',
    'CONTOSO\\`$env:PATH`',
    'CONTOSO\\a\u201a\u201b;#',
  ];

  it('keeps hostile account names, paths and comments inside string literals', async () => {
    const benign = recorder();
    const attacked = recorder();
    const spec = (names: readonly string[], path: string, comment: string) => ({ name: 'SMSPKGD$', path, comment, permissions: names.map((name) => windowsAccount(name)) });
    await windowsShareProvider({ runner: benign.runner }).ensureShare(spec(hostile.map((_, index) => `CONTOSO\\user${index}`), 'D:\\plain', 'plain'));
    const path = "D:\\it's $(Stop-Computer)\\\u2019;'x";
    const comment = "'; Stop-Computer; '\u2018 `$x $(y) # z";
    await windowsShareProvider({ runner: attacked.runner }).ensureShare(spec(hostile, path, comment));
    const clean = tokenize(scriptOf(benign.calls[0]));
    const dirty = tokenize(scriptOf(attacked.calls[0]));
    // The code around the literals is the same, whatever the values; so no value became code.
    expect(dirty.code).toBe(clean.code);
    expect(dirty.code).not.toContain('"');
    // And each value comes back out of its literal unchanged.
    expect(dirty.literals).toContain(path);
    expect(dirty.literals).toContain(comment.trim());
    for (const name of hostile) expect(dirty.literals).toContain(name);

    const folder = recorder();
    await windowsShareProvider({ runner: folder.runner }).setFolderPermissions(path, hostile.map((name) => windowsAccount(name)));
    const folderTokens = tokenize(scriptOf(folder.calls[0]));
    expect(folderTokens.literals).toContain(path);
    for (const name of hostile) expect(folderTokens.literals).toContain(name);
  });

  it('refuses bad values before running anything', async () => {
    const { calls, runner } = recorder();
    const provider = windowsShareProvider({ runner });
    await expect(provider.ensureShare({ name: 'SMS;PKG', path: 'D:\\x', permissions: common })).rejects.toThrow(/contains ";"/);
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: 'relative\\x', permissions: common })).rejects.toThrow(/not an absolute path on a drive/);
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: 'D:\\a\nb', permissions: common })).rejects.toThrow(/control character/);
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: 'D:\\a\\..\\..\\Windows', permissions: common })).rejects.toThrow(/goes up/);
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: 'D:\\x', permissions: [windowsAccount('CONTOSO\\a\r\nb')] })).rejects.toThrow(/not DOMAIN\\name/);
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: 'D:\\x', permissions: [...common, ...common] })).rejects.toThrow(/listed twice/);
    await expect(provider.ensureShare({ name: 'x'.repeat(81), path: 'D:\\x', permissions: common })).rejects.toThrow(/at most 80/);
    await expect(provider.connections('SMSPKGD$', { folder: '..\\..\\Windows' })).rejects.toThrow(/goes up/);
    expect(calls).toEqual([]);
  });

  it("passes PowerShell's own error on as a clear message", async () => {
    const { runner } = recorder([{ exitCode: 1, stderr: 'The account CONTOSO\\nobody is not known to this server.\r\n' }]);
    await expect(windowsShareProvider({ runner }).ensureShare({ name: 'SMSPKGD$', path: 'D:\\SMSPKGD$', permissions: [windowsAccount('CONTOSO\\nobody')] })).rejects.toThrow(
      'Creating share SMSPKGD$ failed: powershell.exe said: The account CONTOSO\\nobody is not known to this server.',
    );
  });

  it('sees open files through Get-SmbOpenFile and closes only when someone is connected', async () => {
    const openFiles = JSON.stringify([
      { FileId: '1099511627893', SessionId: '77', User: 'CONTOSO\\alice', Machine: '10.0.0.5', File: 'A0100001\\setup.exe' },
      { FileId: '1099511627894', SessionId: '77', User: 'CONTOSO\\alice', Machine: '10.0.0.5', File: 'A0100001\\sub\\data.cab' },
      { FileId: '1099511627895', SessionId: '78', User: 'CONTOSO\\bob', Machine: '10.0.0.6', File: 'A0100001\\setup.exe' },
    ]);
    const { calls, runner } = recorder([{ stdout: openFiles }, {}, { stdout: '[]' }]);
    const provider = windowsShareProvider({ runner });
    expect(await provider.disconnect('SMSPKGD$', { folder: 'A0100001' })).toBe(2);
    expect(calls).toHaveLength(2);
    expect(scriptOf(calls[0])).toContain("$folder = 'A0100001'");
    expect(scriptOf(calls[0])).toContain('Get-SmbOpenFile');
    expect(scriptOf(calls[1])).toContain('Close-SmbOpenFile -FileId $file.FileId -Force');
    expect(await provider.disconnect('SMSPKGD$')).toBe(0);
    expect(calls).toHaveLength(3);
  });

  it('reads one open file or many, grouped by session', () => {
    expect(connectionsFromJson('{"FileId":"1","SessionId":"5","User":"CONTOSO\\\\eve","Machine":"pc1","File":"A0100001\\\\a.txt"}')).toEqual([{ user: 'CONTOSO\\eve', machine: 'pc1', files: ['A0100001/a.txt'] }]);
    expect(connectionsFromJson('')).toEqual([]);
    expect(() => connectionsFromJson('WARNING: something')).toThrow(/did not answer JSON/);
  });
});
