import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { requestSchemas } from './channels';
import { textFieldRegistry } from './text';

/**
 * Strings that are not free text: each is held to a pattern that admits only letters, digits and
 * punctuation (a site code, a package ID, a drive letter, a product code GUID, a schedule's start).
 */
const patternOnly = new Set([
  'deployments:preview package.packageId',
  'deployments:preview package.package.updateSchedule.start',
  'deployments:preview program.program.driveLetter',
  'deployments:preview program.program.runFirst.packageId',
  'deployments:preview program.program.msiProductCode',
  'deployments:run package.packageId',
  'deployments:run package.package.updateSchedule.start',
  'deployments:run program.program.driveLetter',
  'deployments:run program.program.runFirst.packageId',
  'deployments:run program.program.msiProductCode',
  'advertisements:list packageId',
  'content:locate packageId',
  'advertisements:create packageId',
  'advertisements:update changes.packageId',
  'packages:create updateSchedule.start',
  'packages:update changes.updateSchedule.start',
  'packages:get packageId',
  'packages:update packageId',
  'packages:delete packageId',
  'packages:list-page after.packageId',
  'programs:list packageId',
  'programs:get packageId',
  'programs:create packageId',
  'programs:create program.runFirst.packageId',
  'programs:create program.driveLetter',
  'programs:create program.msiProductCode',
  'programs:create-device packageId',
  'programs:update packageId',
  'programs:update changes.runFirst.packageId',
  'programs:update changes.driveLetter',
  'programs:update changes.msiProductCode',
  'programs:delete packageId',
  'access-accounts:list packageId',
  'access-accounts:add packageId',
  'access-accounts:update packageId',
  'access-accounts:remove packageId',
  'files:list extensions[]',
  'distribution-points:list withoutPackage',
  'packages:distribute packageId',
  'packages:update-dps packageId',
  'packages:refresh-dp packageId',
  'packages:remove-dp packageId',
  'packages:retry-dp packageId',
  'packages:cancel-dp packageId',
  'packages:validate packageId',
  'packages:status packageId',
  'status:messages since',
  'status:messages until',
  'status:messages before',
  'status:messages siteCode',
  'status:messages packageId',
  'status:messages cursor',
  'status-queries:create criteria.packageId',
  'status-queries:update changes.criteria.packageId',
  'status-queries:run values.packageId',
  'status-queries:run cursor',
  'packages:source-size packageId',
  'schedules:next schedules[].token',
  'schedules:next schedules[].start',
  'schedules:next after',
  'schedules:encode schedules[].token',
  'schedules:encode schedules[].start',
  'schedules:decode tokens',
  'collections:maintenance-windows after',
  'collections:maintenance-windows before',
  'status:summary-packages packageId',
  'status:message-histogram since',
  'status:message-histogram until',
  'status:message-histogram before',
  'status:message-histogram siteCode',
  'status:message-histogram packageId',
  'logs:read names[]',
  'logs:read cursor',
  'logs:tail names[]',
  // A client log opened from disk: its text is the log's own (tabs, line breaks, any script), and
  // its file name is only shown beside it; neither is stored or used as a path.
  'logs:parse-text name',
  'logs:parse-text text',
]);

interface StringField {
  readonly path: string;
  readonly underPolicy: boolean;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every string a schema accepts, with its path, and whether the text policy checks it. */
function stringFields(schema: z.ZodType, path: string, out: StringField[], policy = false): void {
  const def = defOf(schema);
  const here = policy || textFieldRegistry.has(schema);
  switch (def.type) {
    case 'string':
      out.push({ path, underPolicy: here });
      return;
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) stringFields(field, path ? `${path}.${key}` : key, out);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'nonoptional':
    case 'readonly':
    case 'prefault':
      stringFields(def.innerType as z.ZodType, path, out, here);
      return;
    case 'pipe':
      stringFields(def.in as z.ZodType, path, out, here);
      stringFields(def.out as z.ZodType, path, out, here);
      return;
    case 'union':
      for (const option of def.options as z.ZodType[]) stringFields(option, path, out, here);
      return;
    case 'array':
      stringFields(def.element as z.ZodType, `${path}[]`, out, here);
      return;
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'number':
    case 'transform':
      return;
    default:
      throw new Error(`${path}: a ${def.type} schema; teach this test to look inside it`);
  }
}

describe('every text field of every request schema is under the text policy', () => {
  const fields = Object.entries(requestSchemas).flatMap(([channel, schema]) => {
    const out: StringField[] = [];
    stringFields(schema, '', out);
    return out.map((f) => ({ ...f, key: `${channel} ${f.path}` }));
  });

  it('finds the text fields (names, command lines, comments, paths, accounts, the site name)', () => {
    const keys = new Set(fields.map((f) => f.key));
    for (const key of [
      'packages:create name',
      'packages:create comment',
      'packages:create mifPublisher',
      'packages:update changes.sourceDirectory',
      'programs:create program.commandLine',
      'programs:create program.startIn',
      'programs:create-device program.downloadFolder',
      'programs:update changes.runFolder',
      'programs:delete programName',
      'access-accounts:add account.name',
      'access-accounts:remove accountName',
      'definitions:inspect source.path',
      'packages:import sourceDirectory',
      'files:msi-info path',
      'distribution-points:create name',
      'distribution-points:create volumes[].path',
      'distribution-points:create boundaries[].value',
      'distribution-points:update changes.sambaConf',
      'dp-groups:create members[]',
      'packages:distribute groups[]',
      'components:set changes.storedPackagesLocation',
    ]) {
      expect(keys, key).toContain(key);
    }
  });

  it('none is left out, except the IDs and codes held to a strict pattern', () => {
    const outside = fields.filter((f) => !f.underPolicy && !patternOnly.has(f.key)).map((f) => f.key);
    expect(outside).toEqual([]);
  });
});
