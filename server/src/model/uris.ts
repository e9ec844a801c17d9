import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The key the workspace uses for a document: its file path, or the URI itself for other schemes. */
export function uriToKey(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

export function pathToUri(p: string): string {
  return path.isAbsolute(p) ? pathToFileURL(p).href : p;
}
