import { describe, expect, it } from 'vitest';
import { nalPathOf, netbiosNameOf, packagePathOnDp, packageShareOf, serverOfShare } from './distribution-points';

describe('distribution point names and places', () => {
  it('writes the suite NAL path of a server and of a server share', () => {
    expect(nalPathOf({ mode: 'server', serverName: 'DP01', serverShare: null }, 'A01')).toBe('["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\');
    expect(nalPathOf({ mode: 'serverShare', serverName: 'DP01', serverShare: '\\\\DP01\\SWSHARE' }, 'ABC')).toBe(
      '["Display=\\\\DP01\\SWSHARE\\"]MSWNET:["SMS_SITE=ABC"]\\\\DP01\\SWSHARE\\',
    );
  });

  it('derives the NetBIOS name, the SMSPKG share and the package folder', () => {
    expect(netbiosNameOf('dp01.contoso.com')).toBe('DP01');
    expect(netbiosNameOf('dp02')).toBe('DP02');
    expect(netbiosNameOf('averyveryverylongservername.contoso.com')).toBe('AVERYVERYVERYLO');
    expect(netbiosNameOf('10.0.0.5')).toBe('10.0.0.5');
    expect(serverOfShare('\\\\files\\dist')).toBe('files');
    expect(packageShareOf('d')).toBe('SMSPKGD$');
    expect(packagePathOnDp('DP01', 'SMSPKGD$', 'A0100001', null)).toBe('\\\\DP01\\SMSPKGD$\\A0100001');
    expect(packagePathOnDp('DP01', 'dist', 'A0100001', '\\\\files\\dist\\')).toBe('\\\\files\\dist\\A0100001');
  });
});
