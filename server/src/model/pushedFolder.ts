import { TfFile } from './document';
import type { Range } from './text';

/**
 * The template folder as `coder templates push` uploads it. The CLI tars the folder before anything
 * else runs: it leaves some files out without a word, and refuses an archive of 1 MiB or more. These
 * are the facts the folder rules need; reading them from disk is the service's job.
 */

/** One entry under the template folder; `path` is relative, with `/`. */
export interface FolderEntry {
  path: string;
  kind: 'file' | 'dir' | 'symlink' | 'other';
  size: number;
}

export interface PushedFolder {
  /** The folder's base name: without a name argument, `coder templates push` uses it as the template name. */
  name: string;
  /** The entries the CLI walks (it does not enter the folders it skips), in walk order. */
  entries: FolderEntry[];
  /** False when the walk stopped early (very many entries); the archive size is then a lower bound. */
  complete: boolean;
  /** The variable definition files the CLI leaves out, with their text (when readable and small). */
  variableFiles: Array<{ path: string; text?: string }>;
}

/** `provisionersdk.TemplateArchiveLimit`: the archive must stay below it. */
export const TEMPLATE_ARCHIVE_LIMIT = 1 << 20;

export type SkipReason = 'hidden' | 'state' | 'variables';

/**
 * Why the CLI leaves an entry out of the archive (coder/coder `provisionersdk/archive.go`), or undefined
 * when it uploads it: any name starting with `.` except `.terraform.lock.hcl` (and, for a folder, all it
 * holds), anything whose path contains `.tfstate`, and the variable files Terraform would read by itself.
 */
export function skipReason(relPath: string): SkipReason | undefined {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  if ((relPath.startsWith('.') || base.startsWith('.')) && base !== '.terraform.lock.hcl') return 'hidden';
  if (relPath.includes('.tfstate')) return 'state';
  if (relPath === 'terraform.tfvars' || relPath === 'terraform.tfvars.json' || relPath.endsWith('.auto.tfvars') || relPath.endsWith('.auto.tfvars.json')) {
    return 'variables';
  }
  return undefined;
}

const BLOCK = 512;

/**
 * The size of the tar stream the CLI writes: a 512-byte header per uploaded entry, each file's content
 * padded to 512 bytes, and two zero blocks at the end. Long names and user names can add extended
 * headers, so this is a lower bound, which keeps a finding from it certain.
 */
export function archiveSize(entries: readonly FolderEntry[]): number {
  return entries.reduce((total, entry) => total + archivedBytes(entry), 2 * BLOCK);
}

/** What one entry adds to the archive: nothing when the CLI skips it. */
export function archivedBytes(entry: FolderEntry): number {
  if (skipReason(entry.path)) return 0;
  return BLOCK + (entry.kind === 'file' ? Math.ceil(entry.size / BLOCK) * BLOCK : 0);
}

/** Whether the CLI refuses the folder: it writes at most `TEMPLATE_ARCHIVE_LIMIT - 1` bytes. */
export function archiveTooBig(folder: PushedFolder): boolean {
  return archiveSize(folder.entries) > TEMPLATE_ARCHIVE_LIMIT - 1;
}

/**
 * Why a path relative to the folder (a local module's `source`, a file function's argument) would be
 * missing where Coder runs Terraform: it leaves the folder, or a part of it is one the CLI skips.
 */
export function notUploaded(relPath: string): { reason: 'outside' } | { reason: 'hidden'; part: string } | undefined {
  const parts = relPath.split('/').filter((p) => p !== '' && p !== '.');
  let depth = 0;
  let walked = '';
  for (const part of parts) {
    if (part === '..') {
      if (--depth < 0) return { reason: 'outside' };
      walked = walked.slice(0, Math.max(0, walked.lastIndexOf('/')));
      continue;
    }
    depth++;
    walked = walked ? `${walked}/${part}` : part;
    if (skipReason(walked) === 'hidden') return { reason: 'hidden', part: walked };
  }
  return undefined;
}

/**
 * The file where a finding about the whole folder is shown: `main.tf` when there is one (where readers
 * look first), else the first file; and the range of its first statement's first line.
 */
export function folderAnchor(files: readonly TfFile[]): { file: TfFile; range: Range } | undefined {
  const file = files.find((f) => f.path.replace(/\\/g, '/').endsWith('/main.tf')) ?? files[0];
  if (!file) return undefined;
  const first = file.topLevelNodes.find((n) => n.type !== 'comment');
  if (!first) return { file, range: file.rangeOfOffsets(0, 0) };
  const lineEnd = file.text.slice(first.startIndex).search(/\r|\n/);
  return { file, range: file.rangeOfOffsets(first.startIndex, lineEnd < 0 ? first.endIndex : Math.min(first.endIndex, first.startIndex + lineEnd)) };
}

/** Functions that read a file of the module, by a path relative to it. */
export const FILE_FUNCTIONS = new Set(['abspath', 'file', 'fileexists', 'fileset', 'filebase64', 'filebase64sha256', 'filebase64sha512', 'filemd5', 'filesha1', 'filesha256', 'filesha512', 'templatefile', 'pathexpand']);

const assigned = new WeakMap<PushedFolder, Map<string, string[]>>();

/**
 * The variables each skipped variable file sets (by file), as Terraform would read them: the top-level
 * arguments of an HCL file, the top-level keys of a JSON one. A file that cannot be read sets nothing known.
 */
export function variablesSetInSkippedFiles(folder: PushedFolder): Map<string, string[]> {
  let known = assigned.get(folder);
  if (known) return known;
  known = new Map();
  for (const { path, text } of folder.variableFiles) {
    if (text === undefined) continue;
    const names = path.endsWith('.json') ? jsonKeys(text) : hclArguments(path, text);
    for (const name of names) known.set(name, [...(known.get(name) ?? []), path]);
  }
  assigned.set(folder, known);
  return known;
}

function jsonKeys(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  } catch {
    return [];
  }
}

function hclArguments(path: string, text: string): string[] {
  const file = new TfFile(path, text, null, false);
  try {
    return file.topLevelNodes.filter((n) => n.type === 'attribute').map((n) => n.namedChildren[0]?.text ?? '').filter(Boolean);
  } finally {
    file.dispose();
  }
}
