import { mkdir } from 'node:fs/promises';
import type { ShareProvider } from './share-provider';
import { checkComment, checkLocalPath, checkShareFolder, checkShareName } from './share-inputs';

/**
 * For a distribution point reached by a path (a local folder, or a share someone else made and
 * the site server has mounted): the folder is made and nothing else. There is no share to create,
 * no permission to apply and no connection to see, and describe() says so.
 */
export function localShareProvider(): ShareProvider {
  return {
    describe: () => ({
      kind: 'local',
      summary: 'Folders only: creates the folder; shares, permissions and connected users are managed outside Courier.',
      createsShares: false,
      appliesPermissions: false,
      seesConnections: false,
    }),
    async ensureShare(spec) {
      checkShareName(spec.name);
      checkComment(spec.comment);
      await mkdir(checkLocalPath(spec.path), { recursive: true });
    },
    async setFolderPermissions(path) {
      checkLocalPath(path);
    },
    async removeShare(name) {
      checkShareName(name);
    },
    async connections(name, scope) {
      checkShareName(name);
      checkShareFolder(scope?.folder);
      return [];
    },
    async disconnect(name, scope) {
      checkShareName(name);
      checkShareFolder(scope?.folder);
      return 0;
    },
  };
}
