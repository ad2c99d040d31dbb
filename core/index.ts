// The single entry every transport (Electron IPC, HTTP host, CLI) uses.
export type { Core, CoreOptions } from './core';
export { createCore, initSite, defaultDataDir, resolveDataDir } from './core';
export { defaultSite } from './core';
