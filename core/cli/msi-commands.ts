import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { MsiInfo } from '../formats/msi';
import { fileFailure, jsonWanted, type FileCommandContext } from './pdf-commands';
import { textFields } from './text-table';

export function formatMsiInfo(info: MsiInfo): string {
  return textFields([
    ['Product name', info.productName],
    ['Product version', info.productVersion],
    ['Manufacturer', info.manufacturer],
    ['Product code', info.productCode],
    ['Upgrade code', info.upgradeCode],
    ['Product language', info.productLanguage],
  ]);
}

/** `courier msi info FILE`: the product properties of a Windows Installer file. */
export function registerMsiCommands(root: Command, { io, withGlobalOptions, print }: FileCommandContext): void {
  const msi = root.command('msi').description('read Windows Installer files (.msi)').helpCommand(false);
  const info = withGlobalOptions(
    msi
      .command('info')
      .description("show an .msi's product code, name, version, manufacturer, upgrade code and language")
      .argument('<file>', 'a .msi file'),
  );
  info.addHelpText(
    'after',
    `
Examples:
  courier msi info CourierClient.msi
  courier msi info CourierClient.msi --json   ({productCode, productName, productVersion, manufacturer, upgradeCode, productLanguage})`,
  );
  info.action(async (file: string, _opts: unknown, command: Command) => {
    let result: MsiInfo;
    try {
      // Loaded on use: the parsers are not needed to start the CLI.
      const { readMsiFile } = await import('../content/package-definition-file');
      result = await readMsiFile(resolve(io.cwd, file));
    } catch (error) {
      throw fileFailure(error);
    }
    print({ json: jsonWanted(command) }, result, () => formatMsiInfo(result));
  });
}
