/**
 * What the CLI is told by whoever starts it: its version and where the resources it reads
 * besides the site are installed. The bundle knows its own (cli-bundle.ts); run from the
 * sources, main.ts asks the core for the checkout's.
 */
export interface CliInstall {
  readonly version: string;
  /** The built-in package definitions. */
  readonly definitionsDir: string;
  /** The built console `courier serve` serves. */
  readonly consoleDir: string;
  /** The compiled worker thread of the site components `courier serve` runs; from the sources the runner finds its own. */
  readonly componentWorker?: string;
}
