import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MsiProduct {
  readonly productCode: string;
  readonly name: string;
  readonly version: string;
  readonly manufacturer: string;
  readonly language?: string;
  readonly upgradeCode?: string;
}

/** A real MSI built by wixl (apt: wixl) from WiX v3 XML, holding one small payload file. */
export function buildMsi(dir: string, fileName: string, product: MsiProduct): string {
  writeFileSync(join(dir, 'payload.bin'), 'payload');
  const wxs = `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="${product.productCode}" Name="${product.name}" Language="${product.language ?? '1033'}" Version="${product.version}"
           Manufacturer="${product.manufacturer}" UpgradeCode="${product.upgradeCode ?? '{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}'}">
    <Package InstallerVersion="200" Compressed="yes"/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFilesFolder">
        <Directory Id="INSTALLDIR" Name="App">
          <Component Id="Main" Guid="{12345678-1234-1234-1234-123456789012}">
            <File Id="payload" Name="payload.bin" Source="payload.bin"/>
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Complete" Level="1"><ComponentRef Id="Main"/></Feature>
  </Product>
</Wix>`;
  const source = `${fileName}.wxs`;
  writeFileSync(join(dir, source), wxs);
  execFileSync('wixl', ['-o', fileName, source], { cwd: dir });
  return join(dir, fileName);
}
