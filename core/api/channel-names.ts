/**
 * The request channel names alone, free of zod, for code that must stay tiny (the Electron
 * preload runs in a sandbox and bundles what it imports). channels.ts checks at compile time
 * that this list and the schema map name the same channels.
 */
export const requestChannelNames = [
  'site:info',
  'site:path-mappings:list',
  'site:path-mappings:set',
  'site:path-mappings:remove',
  'site:source-roots:get',
  'site:source-roots:set',
  'packages:list',
  'packages:list-page',
  'packages:get',
  'packages:create',
  'packages:update',
  'packages:delete',
  'files:list-folders',
  'files:list',
  'files:check-source',
  'files:msi-info',
  'programs:list',
  'programs:get',
  'programs:create',
  'programs:create-device',
  'programs:update',
  'programs:delete',
  'access-accounts:list',
  'access-accounts:add',
  'access-accounts:update',
  'access-accounts:remove',
  'definitions:list',
  'definitions:inspect',
  'packages:import',
] as const;

export type RequestChannelName = (typeof requestChannelNames)[number];
