import { readFile, realpath } from 'node:fs/promises';
import { posix } from 'node:path';

/**
 * The folders a Linux kernel fills with live process and kernel state or with devices, never with
 * files an admin would pick: /proc (proc(5)), /sys (sysfs(5)) and /dev (the Filesystem Hierarchy
 * Standard 3.0, section 3.6), whatever file system a container mounts there (Docker mounts a tmpfs on /dev).
 */
export const kernelRootFolders: readonly string[] = ['/proc', '/sys', '/dev'];

/**
 * File system types (the third field after " - " in proc(5)'s /proc/[pid]/mountinfo) that hold
 * kernel state or devices. autofs is not one: it is where network shares get mounted on demand.
 */
const kernelFileSystemTypes = new Set([
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'debugfs',
  'tracefs',
  'securityfs',
  'cgroup',
  'cgroup2',
  'bpf',
  'pstore',
  'configfs',
  'efivarfs',
  'fusectl',
  'selinuxfs',
  'binfmt_misc',
  'nsfs',
  'mqueue',
  'hugetlbfs',
  'rpc_pipefs',
]);

/** mountinfo escapes space, tab, newline and backslash in paths as octal (\040). */
function unescapeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** The mount points of kernel file systems listed in a mountinfo text. */
export function kernelMountPointsIn(mountinfo: string): Set<string> {
  const points = new Set<string>();
  for (const line of mountinfo.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-');
    const mountPoint = fields[4];
    const type = separator === -1 ? undefined : fields[separator + 1];
    if (mountPoint !== undefined && type !== undefined && kernelFileSystemTypes.has(type)) points.add(unescapeMountPath(mountPoint));
  }
  return points;
}

/** Where the kernel's folders are on this server: the root ones, and every kernel file system mounted elsewhere. */
export async function kernelFolders(platform: string): Promise<ReadonlySet<string>> {
  if (platform !== 'linux') return new Set();
  const folders = new Set(kernelRootFolders);
  try {
    for (const point of kernelMountPointsIn(await readFile('/proc/self/mountinfo', 'utf8'))) folders.add(point);
  } catch {
    // Without /proc (a chroot, a sandbox) only the root folders are known.
  }
  return folders;
}

/** `path` (absolute, resolved) is one of the kernel's folders or inside one. */
export function isInKernelFolder(path: string, folders: ReadonlySet<string>): boolean {
  for (let at: string = path; ; at = posix.dirname(at)) {
    if (folders.has(at)) return true;
    if (at === '/') return false;
  }
}

/** The kernel folder a path leads to once symbolic links are followed, or null (also when it cannot be resolved). */
export async function kernelFolderOf(path: string, platform: string): Promise<string | null> {
  if (platform !== 'linux') return null;
  const real = await realpath(path).catch(() => null);
  if (real === null) return null;
  return kernelRootFolders.find((root) => real === root || real.startsWith(`${root}/`)) ?? null;
}
