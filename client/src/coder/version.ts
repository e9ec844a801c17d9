/** Reading `coder version` and choosing between `templates create` and `templates push`. */

export interface CoderVersion {
  /** The version as printed, for example `v2.18.5+abc1234`. */
  raw: string;
  major: number;
  minor: number;
  patch: number;
  /** Pre-release part without the dash, for example `devel` or `rc.1`; empty for releases. */
  prerelease: string;
  /** A development build (`v0.0.0-devel…`): built from a checkout, so treated as the newest CLI. */
  isDev: boolean;
}

export type PublishVerb = 'create' | 'push';
export type PublishCommandSetting = 'auto' | 'create' | 'push';

/**
 * The first release in which `coder templates create` is deprecated in favour of `templates push`.
 * ASSUMPTION (UNVERIFIED): PR #11390 (merged 2024-01-03) deprecated `create`; the facts say the first
 * release carrying it is "probably v2.7.0". `push` itself exists much earlier, but before that PR it
 * needed `--create` to create a missing template, so older CLIs keep using `create`.
 */
export const CREATE_DEPRECATED_IN = { major: 2, minor: 7, patch: 0 } as const;

const VERSION_PATTERN = /\bv?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?/;

/**
 * Parses the output of `coder version` (text: `Coder v2.18.5+abc1234 Mon Jan  6 …`, possibly
 * `Coder (AGPL) v2.…`) or of `coder version --output json` (`{"version":"v2.18.5+abc1234",…}`).
 * Returns undefined when no version can be found.
 */
export function parseCoderVersion(output: string): CoderVersion | undefined {
  const trimmed = output.trim();
  let candidate: string | undefined;
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object' && typeof (parsed as { version?: unknown }).version === 'string') {
        candidate = (parsed as { version: string }).version;
      }
    } catch {
      // Not JSON after all; fall through to the text form.
    }
  }
  if (candidate === undefined) {
    const line = trimmed.split(/\r?\n/).find((l) => /^Coder\b/.test(l.trim()));
    if (!line) return undefined;
    candidate = line.trim().replace(/^Coder\s+(?:\(AGPL\)\s+)?/, '').split(/\s+/)[0];
  }
  const match = VERSION_PATTERN.exec(candidate ?? '');
  if (!match) return undefined;
  const prerelease = match[4] ?? '';
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const patch = Number(match[3]);
  return {
    raw: match[0].startsWith('v') ? match[0] : `v${match[0]}`,
    major,
    minor,
    patch,
    prerelease,
    isDev: major === 0 && minor === 0 && patch === 0 && /^devel\b/.test(prerelease),
  };
}

/** -1, 0 or 1, comparing major.minor.patch only. */
export function compareCore(a: Pick<CoderVersion, 'major' | 'minor' | 'patch'>, b: Pick<CoderVersion, 'major' | 'minor' | 'patch'>): number {
  return Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch);
}

/**
 * The verb to run. An explicit `create` or `push` setting wins. With `auto`, CLIs on which `create` is
 * deprecated always `push` (it creates missing templates); so do development builds and CLIs whose
 * version could not be read, since current CLIs are the common case. Older CLIs run the verb the user
 * asked for (`intent`): there, `push` only updates an existing template. A pre-release of the cut-over
 * version (`v2.7.0-rc.1`) counts as older.
 */
export function choosePublishVerb(
  setting: PublishCommandSetting,
  version: CoderVersion | undefined,
  intent: PublishVerb = 'create',
): PublishVerb {
  if (setting === 'create' || setting === 'push') return setting;
  if (!version || version.isDev) return 'push';
  const order = compareCore(version, CREATE_DEPRECATED_IN);
  if (order > 0 || (order === 0 && version.prerelease === '')) return 'push';
  return intent;
}
