import * as fs from 'node:fs';

/** The file reads of the workspace and the folder reader: Node's by default, a recording fake in tests. */
export interface FileSystem {
  readFile(p: string): Buffer;
  stat(p: string): { mtimeMs: number; size: number; isFile: boolean };
  readdir(p: string): string[];
  /** The entry itself, a link not followed (the walk of a template folder as the CLI archives it needs it). */
  lstat?(p: string): { size: number; kind: 'file' | 'dir' | 'symlink' | 'other' };
}

export const nodeFileSystem: FileSystem = {
  readFile: (p) => fs.readFileSync(p),
  stat: (p) => {
    const s = fs.statSync(p);
    return { mtimeMs: s.mtimeMs, size: s.size, isFile: s.isFile() };
  },
  readdir: (p) => fs.readdirSync(p),
  lstat: (p) => {
    const s = fs.lstatSync(p);
    return { size: s.size, kind: s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other' };
  },
};
