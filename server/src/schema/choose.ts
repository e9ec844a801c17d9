/**
 * Which bundled release applies to a module: the newest one its `required_providers` constraint admits
 * (docker `~> 3.0` → 3.9.0, `>= 4` → 4.5.0; no constraint → the newest). When the constraint admits none of
 * them, the nearest release still serves completion and hover, marked as not admitted, and validation is
 * off for that provider.
 */
import { bundledVersions, loadRelease } from './releases';
import type { ProviderName, ProviderRelease } from './types';
import { admits, compareVersions, parseConstraint, parseVersion, Version } from './versionConstraint';

export interface ReleaseChoice {
  release: ProviderRelease;
  /** The module's constraint admits this release: its schema is exact for the module, and validation runs. */
  admitted: boolean;
  /** The constraint as written, when there is one. */
  constraint?: string;
}

const cache = new Map<string, ReleaseChoice>();

export function chooseRelease(provider: ProviderName, constraintText?: string): ReleaseChoice {
  const key = `${provider}|${constraintText ?? ''}`;
  let choice = cache.get(key);
  if (!choice) {
    choice = decide(provider, constraintText);
    cache.set(key, choice);
  }
  return choice;
}

function decide(provider: ProviderName, constraintText: string | undefined): ReleaseChoice {
  const versions = bundledVersions(provider).map((v) => ({ text: v, version: parseVersion(v)!.version }));
  const constraint = parseConstraint(constraintText);
  if (!constraint) {
    // A constraint Terraform itself would reject: offer the newest, check nothing.
    return { release: loadRelease(provider, versions[0]!.text), admitted: false, constraint: constraintText };
  }
  const fit = versions.find((v) => admits(constraint, v.version));
  if (fit) return { release: loadRelease(provider, fit.text), admitted: true, constraint: constraintText };
  return { release: loadRelease(provider, nearest(versions, constraintText).text), admitted: false, constraint: constraintText };
}

/** The bundled release closest to the versions a constraint names (by its first version number). */
function nearest(versions: Array<{ text: string; version: Version }>, constraintText: string | undefined): { text: string; version: Version } {
  const named = /\d+(?:\.\d+){0,2}/.exec(constraintText ?? '')?.[0];
  const target = named ? parseVersion(named)?.version : undefined;
  if (!target) return versions[0]!;
  const distance = (v: Version) => Math.abs(v[0] - target[0]) * 1e6 + Math.abs(v[1] - target[1]) * 1e3 + Math.abs(v[2] - target[2]);
  return [...versions].sort((a, b) => distance(a.version) - distance(b.version) || compareVersions(b.version, a.version))[0]!;
}
