import { describe, expect, it } from 'vitest';
import { clientConfigSchema } from '../config/client-config';
import { dpPathOf } from './dp-paths';

describe("where the agent opens a distribution point's package folder", () => {
  const mappings = [
    { uncPrefix: '\\\\DP01\\SMSPKGD$', localPath: '/mnt/dp01/smspkgd' },
    { uncPrefix: '\\\\DP01\\SMSPKGD$\\Big', localPath: '/mnt/big' },
  ];

  it('maps a UNC path through the longest prefix, in any case; on Windows it opens the UNC path itself, elsewhere it says why not', () => {
    expect(dpPathOf('\\\\dp01\\smspkgd$\\A0100001', mappings, 'linux')).toEqual({ ok: true, path: '/mnt/dp01/smspkgd/A0100001' });
    expect(dpPathOf('\\\\DP01\\SMSPKGD$\\Big\\A0100002', mappings, 'linux')).toEqual({ ok: true, path: '/mnt/big/A0100002' });
    expect(dpPathOf('\\\\DP02\\SMSPKGE$\\A0100001', mappings, 'win32')).toEqual({ ok: true, path: '\\\\DP02\\SMSPKGE$\\A0100001' });
    expect(dpPathOf('\\\\DP02\\SMSPKGE$\\A0100001', mappings, 'linux')).toEqual({ ok: false, problem: expect.stringMatching(/runs on linux and cannot open \\\\DP02\\SMSPKGE\$\\A0100001: .*dpPathMappings/) });
    // A prefix of a share name is not that share.
    expect(dpPathOf('\\\\DP01\\SMSPKGD$X\\A0100001', mappings, 'linux').ok).toBe(false);
  });

  it("client.json's dpPathMappings: a UNC prefix and an absolute local path, each wrong one named", () => {
    const base = { managementPoint: 'http://127.0.0.1:1/', siteCode: 'A01' };
    expect(clientConfigSchema.safeParse({ ...base, dpPathMappings: mappings }).success).toBe(true);
    const wrong = clientConfigSchema.safeParse({ ...base, dpPathMappings: [{ uncPrefix: '/mnt/x', localPath: 'relative/x' }] });
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['dpPathMappings.0.uncPrefix', expect.stringMatching(/UNC path/)],
      ['dpPathMappings.0.localPath', 'localPath is an absolute path'],
    ]);
  });
});
