// The case files (and bundles of changes) in the default folder, as the browser harness's GET /api/files and the desktop shell's file places
// answer them. Types only, so the renderer's platforms share them without pulling in anything from Node.

export interface CaseFolderFile {
  path: string;
  name: string;
  size: number;
  modifiedAt: string;
}

export interface CaseFolderListing {
  /** The folder new case files go to by default, as an absolute path. */
  folder: string;
  /** The path separator of the machine the harness runs on, to join a typed name onto the folder. */
  separator: string;
  files: CaseFolderFile[];
  /** The bundles of changes (.parley-changes) in the folder, for Import changes. */
  changeFiles: CaseFolderFile[];
}
