// The single entry every transport (Electron IPC, HTTP host, CLI) uses.
export type { Core, CoreOptions } from './core';
export { createCore, defaultDataDir, defaultSite, initSite, resolveDataDir } from './core';
export { consoleContentSecurityPolicy, contentTypeFor } from './host/console-assets';
// The site components, started apart from the core by `serve` and the desktop app.
export type { ComponentEntry, ComponentRunner, ComponentRunnerOptions, ComponentStatus } from './components/runner';
export { siteComponents, startComponentRunner } from './components/runner';
export { serve, type ServeStart } from './host/serve-main';
export { productVersion } from './site/product';
export { sourceTreeResources, type ProductResources } from './site/product-resources';
