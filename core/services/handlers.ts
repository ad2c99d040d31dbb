import type { ParsedRequestOf, RequestChannel, ResponseOf, SiteInfoDto } from '../api';
import { checkSourceDirectory, listFolders } from '../content/source-directory';
import type { PackageService } from './package-service';

export type Handlers = {
  readonly [C in RequestChannel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export interface HandlerDeps {
  readonly siteInfo: () => SiteInfoDto;
  readonly packages: PackageService;
}

/** One handler per contract channel; the mapped type makes a missing one a compile error. */
export function createHandlers({ siteInfo, packages }: HandlerDeps): Handlers {
  return {
    'site:info': () => siteInfo(),
    'packages:list': () => packages.list(),
    'packages:get': ({ packageId }) => packages.get(packageId),
    'packages:create': (input) => packages.create(input),
    'packages:update': ({ packageId, changes }) => packages.update(packageId, changes),
    'packages:delete': ({ packageId }) => packages.delete(packageId),
    'files:list-folders': ({ path }) => listFolders(path),
    'files:check-source': ({ path }) => checkSourceDirectory(path, 'path'),
  };
}
