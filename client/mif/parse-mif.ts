import { mifTokens, type MifToken } from './mif-tokens';
import { MifError, maxMifBytes, type StatusMif } from './status-mif';

type Attribute = { name: string; id?: number; value?: string; line: number };
type Group = { name: string; className: string; id?: number; attributes: Attribute[]; line: number };

const componentIdFields: Record<string, keyof StatusMif> = {
  manufacturer: 'manufacturer',
  product: 'product',
  version: 'version',
  locale: 'locale',
  'serial number': 'serialNumber',
  installation: 'installation',
};
/** The attribute IDs ISMIF32 writes, for a MIF that names an attribute differently. */
const componentIdById: Record<number, keyof StatusMif> = { 1: 'manufacturer', 2: 'product', 3: 'version', 4: 'serialNumber', 5: 'installation', 6: 'locale' };

class Reader {
  private at = 0;
  constructor(private readonly tokens: MifToken[]) {}
  peek(): MifToken | undefined {
    return this.tokens[this.at];
  }
  next(what: string): MifToken {
    const token = this.tokens[this.at];
    if (!token) throw new MifError(`the file ends where ${what} was expected`, this.tokens.at(-1)?.line);
    this.at += 1;
    return token;
  }
  isWord(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }
  value(key: string): MifToken {
    const equals = this.next(`= after ${key}`);
    if (equals.kind !== '=') throw new MifError(`${key} is not followed by =`, equals.line);
    const value = this.next(`a value for ${key}`);
    if (value.kind === '=') throw new MifError(`${key} has no value`, value.line);
    return value;
  }
}

function readAttribute(reader: Reader, line: number): Attribute {
  const attribute: Attribute = { name: '', line };
  for (;;) {
    const token = reader.next('End Attribute');
    const key = token.text.toLowerCase();
    if (token.kind === 'word' && key === 'end') {
      const what = reader.next('Attribute after End');
      if (what.text.toLowerCase() !== 'attribute') throw new MifError(`End ${what.text} inside an attribute; expected End Attribute`, what.line);
      return attribute;
    }
    if (token.kind !== 'word') throw new MifError(`unexpected ${token.text === '=' ? '=' : `"${token.text}"`} in an attribute`, token.line);
    const value = reader.value(token.text);
    if (key === 'name') attribute.name = value.text;
    else if (key === 'id') attribute.id = Number(value.text);
    else if (key === 'value') {
      attribute.value = value.text;
      // An error about the value points at the value, not at Start Attribute.
      attribute.line = value.line;
    }
    // Type, Access, Storage and the like say nothing about the outcome.
  }
}

function readGroup(reader: Reader, line: number): Group {
  const group: Group = { name: '', className: '', attributes: [], line };
  for (;;) {
    const token = reader.next('End Group');
    const key = token.text.toLowerCase();
    if (token.kind === 'word' && key === 'start') {
      const what = reader.next('Attribute after Start');
      if (what.text.toLowerCase() !== 'attribute') throw new MifError(`Start ${what.text} inside a group; expected Start Attribute`, what.line);
      group.attributes.push(readAttribute(reader, what.line));
      continue;
    }
    if (token.kind === 'word' && key === 'end') {
      const what = reader.next('Group after End');
      if (what.text.toLowerCase() !== 'group') throw new MifError(`End ${what.text} inside a group; expected End Group`, what.line);
      return group;
    }
    if (token.kind !== 'word') throw new MifError(`unexpected "${token.text}" in a group`, token.line);
    const value = reader.value(token.text);
    if (key === 'name') group.name = value.text;
    else if (key === 'class') group.className = value.text;
    else if (key === 'id') group.id = Number(value.text);
  }
}

function readGroups(text: string): Group[] {
  const reader = new Reader(mifTokens(text));
  const groups: Group[] = [];
  let sawComponent = false;
  while (reader.peek()) {
    const token = reader.next('Start Component');
    if (token.kind === 'word' && token.text.toLowerCase() === 'start') {
      const what = reader.next('what Start begins');
      const kind = what.text.toLowerCase();
      if (kind === 'component') sawComponent = true;
      else if (kind === 'group') groups.push(readGroup(reader, what.line));
      else throw new MifError(`Start ${what.text} outside a group`, what.line);
    } else if (token.kind === 'word' && token.text.toLowerCase() === 'end') {
      reader.next('Component after End');
    } else if (token.kind === 'word' && reader.peek()?.kind === '=') {
      reader.value(token.text);
    } else {
      throw new MifError(`unexpected "${token.text}" outside a group`, token.line);
    }
  }
  if (!sawComponent) throw new MifError('no Start Component: this is not a MIF');
  return groups;
}

function isGroup(group: Group, name: string, id: number): boolean {
  const wanted = name.toLowerCase();
  return group.name.toLowerCase() === wanted || group.className.toLowerCase().includes(wanted) || (group.name === '' && group.id === id);
}

/** Parses a status MIF's text; throws a MifError that names the line when it is not one. */
export function parseStatusMif(text: string): StatusMif {
  if (Buffer.byteLength(text) > maxMifBytes) throw new MifError(`the file is larger than ${maxMifBytes / 1024} KiB, which no status MIF is; it was not read`);
  const groups = readGroups(text.replace(/^\uFEFF/, ''));
  const componentId = groups.find((group) => isGroup(group, 'ComponentID', 1));
  if (!componentId) throw new MifError('no ComponentID group');
  const installStatus = groups.find((group) => isGroup(group, 'InstallStatus', 2));
  if (!installStatus) throw new MifError('no InstallStatus group');

  const fields: Record<string, string> = { manufacturer: '', product: '', version: '', locale: '', serialNumber: '', installation: '' };
  for (const attribute of componentId.attributes) {
    const field = componentIdFields[attribute.name.toLowerCase()] ?? (attribute.name === '' && attribute.id !== undefined ? componentIdById[attribute.id] : undefined);
    if (field) fields[field] = (attribute.value ?? '').trim();
  }
  const statusAttribute = installStatus.attributes.find((attribute) => attribute.name.toLowerCase() === 'status' || (attribute.name === '' && attribute.id === 1));
  if (!statusAttribute) throw new MifError('the InstallStatus group has no Status attribute', installStatus.line);
  const rawStatus = (statusAttribute.value ?? '').trim().toLowerCase();
  if (rawStatus !== 'success' && rawStatus !== 'failed') throw new MifError(`Status is "${statusAttribute.value ?? ''}"; a status MIF says Success or Failed`, statusAttribute.line);
  const descriptionAttribute = installStatus.attributes.find((attribute) => attribute.name.toLowerCase() === 'description' || (attribute.name === '' && attribute.id === 2));
  return {
    manufacturer: fields.manufacturer!,
    product: fields.product!,
    version: fields.version!,
    locale: fields.locale!,
    serialNumber: fields.serialNumber!,
    installation: fields.installation!,
    status: rawStatus === 'success' ? 'Success' : 'Failed',
    description: (descriptionAttribute?.value ?? '').trim(),
  };
}
