export { FileBrowserDialog, allFiles, explorerSize, fileType } from './file-browser-dialog';
export type { FileBrowserDialogProps, FileType } from './file-browser-dialog';
export { FolderBrowserDialog } from './folder-browser-dialog';
export type { FolderBrowserDialogProps } from './folder-browser-dialog';
export { browseStartOf, fileNameOf, folderPrefix, isAbsoluteServerPath, joinServerPath, parentOf } from './server-paths';
