// createCore(options): wires the site, database, services and components. The single entry
// every transport (Electron IPC, HTTP host, CLI) uses. Implementation in progress.
export type { Core, CoreOptions } from './core';
export { createCore, initSite, defaultDataDir, resolveDataDir } from './core';
