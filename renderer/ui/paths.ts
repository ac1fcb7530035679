/** The last part of a path, on either kind of separator. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
