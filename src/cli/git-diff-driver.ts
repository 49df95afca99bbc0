/** The two files git asks its external diff driver to compare, and the path they stand for. */
export interface GitDiffDriverCall {
  path: string;
  oldFile: string;
  newFile: string;
}

/**
 * git calls an external diff driver (`diff.<driver>.command`) with 7 arguments: path old-file
 * old-hex old-mode new-file new-hex new-mode. `diff [a] [b] [git...]` receives them as a, b and 5
 * more; anything else is an ordinary call.
 */
export function gitDiffDriverCall(a: string | undefined, b: string | undefined, rest: readonly string[]): GitDiffDriverCall | undefined {
  if (rest.length !== 5) return undefined;
  return { path: a!, oldFile: b!, newFile: rest[2]! };
}
