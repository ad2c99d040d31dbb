import { Option, type Command } from 'commander';
import { isAbsolute, resolve } from 'node:path';
import {
  branchContentModes,
  isSourcePathForm,
  mifMatchingModes,
  preferredSenders,
  sendingPriorities,
  sourceOptions,
  type PackageChangesInput,
  type PackageSettings,
} from '../api';
import { parseWholeNumber } from './parse-integer';

type Field = keyof PackageSettings;
type Kind = 'text' | 'integer' | 'boolean' | 'choice';

interface FieldOption {
  /** The option name without dashes; commander's attribute name is its camelCase, the field. */
  readonly flag: string;
  readonly field: Field;
  readonly kind: Kind;
  readonly group: string;
  readonly description: string;
  readonly valueName?: string;
  readonly choices?: readonly string[];
}

const general = 'General:';
const dataSource = 'Data source:';
const dataAccess = 'Data access:';
const distribution = 'Distribution settings:';
const reporting = 'Reporting (status MIF matching):';

/** The package options that map one to one onto a contract field. */
const fieldOptions: readonly FieldOption[] = [
  { flag: 'name', field: 'name', kind: 'text', group: general, valueName: 'name', description: 'package name (up to 50 characters)' },
  { flag: 'version', field: 'version', kind: 'text', group: general, valueName: 'text', description: 'version (up to 32 characters)' },
  { flag: 'publisher', field: 'publisher', kind: 'text', group: general, valueName: 'text', description: 'publisher (up to 32 characters)' },
  { flag: 'language', field: 'language', kind: 'text', group: general, valueName: 'text', description: 'language (up to 32 characters)' },
  { flag: 'comment', field: 'comment', kind: 'text', group: general, valueName: 'text', description: 'comment (up to 127 characters)' },
  {
    flag: 'source-option',
    field: 'sourceOption',
    kind: 'choice',
    group: dataSource,
    valueName: 'option',
    choices: sourceOptions,
    description: 'direct: always obtain files from the source directory; compressed: use a compressed copy',
  },
  {
    flag: 'persist-in-client-cache',
    field: 'persistInClientCache',
    kind: 'boolean',
    group: dataSource,
    description: 'keep the content in the client cache',
  },
  {
    flag: 'binary-differential-replication',
    field: 'binaryDifferentialReplication',
    kind: 'boolean',
    group: dataSource,
    description: 'send only the changed parts of files to distribution points',
  },
  {
    flag: 'disconnect-users',
    field: 'disconnectUsers',
    kind: 'boolean',
    group: dataAccess,
    description: 'disconnect users from distribution points while content is updated',
  },
  {
    flag: 'user-grace-period',
    field: 'userGracePeriod',
    kind: 'integer',
    group: dataAccess,
    valueName: 'minutes',
    description: 'minutes users get before they are disconnected (0-59)',
  },
  {
    flag: 'disconnect-retries',
    field: 'disconnectRetries',
    kind: 'integer',
    group: dataAccess,
    valueName: 'count',
    description: 'retries before users are disconnected (0-99)',
  },
  {
    flag: 'sending-priority',
    field: 'sendingPriority',
    kind: 'choice',
    group: distribution,
    valueName: 'priority',
    choices: sendingPriorities,
    description: 'priority when sending to other sites',
  },
  {
    flag: 'preferred-sender',
    field: 'preferredSender',
    kind: 'choice',
    group: distribution,
    valueName: 'sender',
    choices: ['none', ...preferredSenders.filter((sender) => sender !== '')],
    description: 'sender to prefer (none lets the site choose)',
  },
  {
    flag: 'branch-content',
    field: 'branchContent',
    kind: 'choice',
    group: distribution,
    valueName: 'mode',
    choices: branchContentModes,
    description: 'how branch distribution points get the content',
  },
  {
    flag: 'available-on-protected-on-request',
    field: 'availableOnProtectedOnRequest',
    kind: 'boolean',
    group: distribution,
    description: 'make the package available on protected distribution points when a client requests it',
  },
  {
    flag: 'mif-matching',
    field: 'mifMatching',
    kind: 'choice',
    group: reporting,
    valueName: 'mode',
    choices: mifMatchingModes,
    description: 'match status MIFs on the package properties or on the fields below',
  },
  { flag: 'mif-file-name', field: 'mifFileName', kind: 'text', group: reporting, valueName: 'text', description: 'MIF file name (up to 50 characters)' },
  { flag: 'mif-name', field: 'mifName', kind: 'text', group: reporting, valueName: 'text', description: 'MIF name (up to 50 characters)' },
  { flag: 'mif-version', field: 'mifVersion', kind: 'text', group: reporting, valueName: 'text', description: 'MIF version (up to 32 characters)' },
  { flag: 'mif-publisher', field: 'mifPublisher', kind: 'text', group: reporting, valueName: 'text', description: 'MIF publisher (up to 32 characters)' },
];

const mifFields = ['mifFileName', 'mifName', 'mifVersion', 'mifPublisher'] as const;

/** Which option sets each field, so the core's field-level errors can name the flag to fix. */
const flagByField: Readonly<Record<string, string>> = {
  ...Object.fromEntries(fieldOptions.map((option) => [option.field, `--${option.flag}`])),
  containsSourceFiles: '--source',
  sourceDirectory: '--source',
  dataAccess: '--share-folder',
  shareFolder: '--share-folder',
};

export function flagForField(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  return flagByField[field.replace(/^changes\./, '')];
}

/** Options that set more than one field, placed among the others where they read best. */
function specialOptions(afterFlag: string): Option[] {
  switch (afterFlag) {
    case 'comment':
      return [
        new Option('--source <dir>', 'the package contains source files, in this folder (as the site server sees it)').helpGroup(dataSource),
        new Option('--no-source', 'the package contains no source files').helpGroup(dataSource),
      ];
    case 'source-option':
      return [new Option('--compressed', 'short for --source-option compressed').conflicts('sourceOption').helpGroup(dataSource)];
    case 'binary-differential-replication':
      return [
        new Option('--share-folder <unc>', 'share the distribution folder under its own name: \\\\server\\share or \\\\server\\share\\path').helpGroup(dataAccess),
        new Option('--common-share', 'use the common SMSPKGx$ share (the default)').conflicts('shareFolder').helpGroup(dataAccess),
      ];
    default:
      return [];
  }
}

/** Adds every package setting as an option; `update` reads the same names. */
export function addPackageOptions(command: Command, mode: 'create' | 'update'): Command {
  for (const spec of fieldOptions) {
    if (spec.kind === 'boolean') {
      command.addOption(new Option(`--${spec.flag}`, spec.description).helpGroup(spec.group));
      command.addOption(new Option(`--no-${spec.flag}`, `turn off --${spec.flag}`).helpGroup(spec.group));
    } else {
      const option = new Option(`--${spec.flag} <${spec.valueName ?? 'value'}>`, spec.description).helpGroup(spec.group);
      if (spec.kind === 'integer') option.argParser(parseWholeNumber);
      if (spec.choices) option.choices(spec.choices);
      if (mode === 'create' && spec.field === 'name') option.makeOptionMandatory();
      command.addOption(option);
    }
    for (const special of specialOptions(spec.flag)) command.addOption(special);
  }
  return command;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Relative folders are resolved against the current directory, so `--source ./app` works
 * from a shell; Windows and UNC forms are passed on for the core to judge.
 */
function absoluteSource(dir: string, cwd: string): string {
  return isSourcePathForm(dir) || isAbsolute(dir) || /^[A-Za-z]:/.test(dir) || dir.startsWith('\\') ? dir : resolve(cwd, dir);
}

/** Turns parsed options into the contract's fields; what is not given is left out. */
export function packageFieldsFrom(opts: Readonly<Record<string, unknown>>, cwd: string = process.cwd()): PackageChangesInput {
  const fields: Record<string, unknown> = {};
  for (const spec of fieldOptions) {
    const attribute = spec.flag.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    const value = opts[attribute];
    if (value === undefined) continue;
    fields[spec.field] = spec.field === 'preferredSender' && value === 'none' ? '' : value;
  }
  if (opts.compressed === true) fields.sourceOption = 'compressed';

  const source = opts.source;
  if (typeof source === 'string') {
    fields.containsSourceFiles = true;
    fields.sourceDirectory = absoluteSource(source, cwd);
  } else if (source === false) {
    fields.containsSourceFiles = false;
    fields.sourceDirectory = '';
  }

  const share = stringOf(opts.shareFolder);
  if (share !== undefined) {
    fields.dataAccess = 'shareFolder';
    fields.shareFolder = share;
  } else if (opts.commonShare === true) {
    fields.dataAccess = 'commonShare';
    fields.shareFolder = '';
  }

  // The MIF fields count only with custom matching: giving one asks for it, and going back
  // to the package properties clears the ones not given.
  const givesMifField = mifFields.some((field) => typeof fields[field] === 'string' && fields[field] !== '');
  if (givesMifField && fields.mifMatching === undefined) fields.mifMatching = 'customFields';
  if (fields.mifMatching === 'packageProperties') {
    for (const field of mifFields) fields[field] ??= '';
  }
  return fields as PackageChangesInput;
}
