/** Finding the `coder` executable without a shell. */
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

export interface LocateOptions {
  /** The `coderDind.coder.path` setting; empty or undefined means "search PATH". */
  configuredPath?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Injected for tests; defaults to a check that the file exists, is a file and (on POSIX) executable. */
  isExecutable?: (file: string) => boolean;
}

export type LocateResult =
  | { found: true; path: string; source: 'setting' | 'PATH' }
  | { found: false; reason: 'setting-not-found' | 'not-on-path'; searched: string[] };

function defaultIsExecutable(platform: NodeJS.Platform): (file: string) => boolean {
  return (file) => {
    try {
      if (!statSync(file).isFile()) return false;
      if (platform !== 'win32') accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
}

function expandHome(p: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? env.USERPROFILE;
  if (home && (p === '~' || p.startsWith('~/') || p.startsWith('~\\'))) return path.join(home, p.slice(1));
  return p;
}

/**
 * Resolves the CLI: the configured path when set (absolute, `~/…`, or a bare name looked up on PATH),
 * else `coder` on PATH. On Windows each PATH entry is tried with the PATHEXT extensions.
 */
export function locateCoder(options: LocateOptions): LocateResult {
  const { env, platform } = options;
  const isExecutable = options.isExecutable ?? defaultIsExecutable(platform);
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const configured = options.configuredPath?.trim();

  if (configured) {
    const expanded = expandHome(configured, env);
    const looksLikePath = expanded.includes('/') || (platform === 'win32' && expanded.includes('\\'));
    if (looksLikePath) {
      const candidates = withWindowsExtensions([expanded], platform, env);
      const hit = candidates.find(isExecutable);
      return hit ? { found: true, path: hit, source: 'setting' } : { found: false, reason: 'setting-not-found', searched: candidates };
    }
    const onPath = searchPath(expanded, env, platform, pathApi, isExecutable);
    return onPath.hit
      ? { found: true, path: onPath.hit, source: 'setting' }
      : { found: false, reason: 'setting-not-found', searched: onPath.searched };
  }

  const onPath = searchPath('coder', env, platform, pathApi, isExecutable);
  return onPath.hit ? { found: true, path: onPath.hit, source: 'PATH' } : { found: false, reason: 'not-on-path', searched: onPath.searched };
}

function withWindowsExtensions(files: string[], platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform !== 'win32') return files;
  // .bat and .cmd files only run through cmd.exe, and we never use a shell, so they are skipped.
  const exts = (env.PATHEXT ?? '.COM;.EXE').split(';').filter((e) => /^\.(exe|com)$/i.test(e));
  return files.flatMap((f) => (path.win32.extname(f) ? [f] : [f, ...exts.map((e) => f + e.toLowerCase())]));
}

function searchPath(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  pathApi: path.PlatformPath,
  isExecutable: (file: string) => boolean,
): { hit?: string; searched: string[] } {
  // Windows keeps the variable as `Path`; environment lookups there are case-insensitive.
  const rawPath = env.PATH ?? env.Path ?? '';
  const dirs = rawPath.split(platform === 'win32' ? ';' : ':').filter((d) => d.length > 0);
  const searched: string[] = [];
  for (const dir of dirs) {
    for (const candidate of withWindowsExtensions([pathApi.join(dir, name)], platform, env)) {
      searched.push(candidate);
      if (isExecutable(candidate)) return { hit: candidate, searched };
    }
  }
  return { searched };
}
