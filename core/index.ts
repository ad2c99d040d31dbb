// The single entry every transport (Electron IPC, HTTP host, CLI) uses.
export type { Core, CoreOptions } from './core';
export { createCore, defaultDataDir, defaultSite, initSite, resolveDataDir } from './core';
export { consoleContentSecurityPolicy, contentTypeFor } from './host/console-assets';
