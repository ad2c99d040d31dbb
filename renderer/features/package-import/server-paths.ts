/** The file name at the end of a path on the site server, whichever separator it uses. */
export function fileNameOf(path: string): string {
  const trimmed = path.trim().replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  return trimmed.slice(cut + 1);
}

/** A folder chosen in Browse for Folder, ready for the file name to be typed after it. */
export function folderPrefix(folder: string): string {
  if (folder.endsWith('\\') || folder.endsWith('/')) return folder;
  return `${folder}${folder.includes('\\') || /^[A-Za-z]:/.test(folder) ? '\\' : '/'}`;
}
