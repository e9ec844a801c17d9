/**
 * Where the CLI is logged in, so that "Open in Coder" can link to the template. The CLI prints no URL
 * on success; it keeps the deployment URL in `<config dir>/url` (`cli/config`), unless `CODER_URL` is
 * set. Only the `url` file is read, never the `session` file beside it.
 */
import * as path from 'node:path';

export interface DeploymentLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  readFile: (file: string) => string | undefined;
}

/**
 * The CLI's default config directory (`config.DefaultDir()`: `configdir.LocalConfig("coderv2")`).
 * ASSUMPTION: that library's per-OS locations: `$XDG_CONFIG_HOME` or `~/.config` on Linux,
 * `~/Library/Application Support` on macOS, `%APPDATA%` on Windows.
 */
export function coderConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  if (env.CODER_CONFIG_DIR) return env.CODER_CONFIG_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(homeDir, 'AppData', 'Roaming'), 'coderv2');
  if (platform === 'darwin') return path.posix.join(homeDir, 'Library', 'Application Support', 'coderv2');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(homeDir, '.config'), 'coderv2');
}

/** The deployment URL without a trailing slash, or undefined when the CLI has none. */
export function deploymentUrl(lookup: DeploymentLookup): string | undefined {
  const fromEnv = lookup.env.CODER_URL?.trim();
  const dir = coderConfigDir(lookup.env, lookup.platform, lookup.homeDir);
  const raw = fromEnv || lookup.readFile((lookup.platform === 'win32' ? path.win32 : path.posix).join(dir, 'url'))?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * The template's page. The dashboard routes both `/templates/:template` and
 * `/templates/:organization/:template` (`site/src/router.tsx`).
 */
export function templatePageUrl(base: string, templateName: string, organization?: string): string {
  const parts = organization ? [organization, templateName] : [templateName];
  return `${base}/templates/${parts.map(encodeURIComponent).join('/')}`;
}
