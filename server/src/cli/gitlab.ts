import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Severity } from '../rules/types';
import type { FileResult } from './results';

/** GitLab's scale is info, minor, major, critical, blocker; an error fails the template, so it is major. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab's code quality report: the subset of the Code Climate issue format GitLab reads (`description`,
 * `check_name`, `fingerprint`, `severity`, `location.path` relative to the working folder, which CI runs
 * at the repository root, and `location.lines.begin`). The fingerprint must be unique in the report and
 * stable across runs: the finding's own fingerprint (see results.ts) with its path.
 */
export function toGitlab(results: FileResult[], cwd: string): string {
  const issues = results.flatMap((r) => {
    const rel = path.relative(cwd, r.file);
    const where = (rel.startsWith('..') || path.isAbsolute(rel) ? r.file : rel).split(path.sep).join('/');
    return r.findings.map((f) => ({
      type: 'issue',
      check_name: f.rule,
      description: `${f.message} (${f.rule})`,
      categories: ['Bug Risk'],
      severity: GITLAB_SEVERITY[f.severity],
      fingerprint: createHash('sha256').update(`${where}\0${f.fingerprint}`).digest('hex').slice(0, 32),
      location: { path: where, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    }));
  });
  return JSON.stringify(issues, null, 2);
}
