import { createHash } from 'node:crypto';
import type { TfFile } from '../model/document';
import type { Finding } from '../rules/types';

/**
 * A finding as the CLI reports and caches it: plain data (no tree, no file object), with a fingerprint
 * that stays the same while the flagged code does, wherever the code moves in its file.
 */
export type ReportedFinding = Omit<Finding, 'file'> & { fingerprint: string };

/** What the CLI found in one file: the JSON output's `results[]` entry, before serialising. */
export interface FileResult {
  /** Absolute path. */
  file: string;
  method: string | null;
  findings: ReportedFinding[];
}

/** Every file of one module (folder), as linted: what the cache keeps per module. */
export interface ModuleResult {
  dir: string;
  files: FileResult[];
}

/**
 * The fingerprint of each finding: a hash of the rule, the flagged line and the flagged text (spaces
 * collapsed), then `:n` for the n-th finding of the same hash in the file. No line number and no path go
 * in, so code scanning and GitLab keep recognising a finding when lines are added above it; the path is
 * the file the finding is reported in, which SARIF and GitLab keep beside it.
 */
export function reportedFindings(file: TfFile, findings: Finding[]): ReportedFinding[] {
  const seen = new Map<string, number>();
  return findings.map(({ file: _file, ...finding }) => {
    const line = file.lines.lineText(Math.min(finding.range.start.line, file.lines.lineCount - 1));
    const flagged = file.text.slice(file.offsetAt(finding.range.start), file.offsetAt(finding.range.end)).slice(0, 400);
    const hash = createHash('sha256').update(`${finding.rule}\0${collapse(line)}\0${collapse(flagged)}`).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return { ...finding, fingerprint: `${hash}:${n}` };
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The findings a report shows: all of them, or only the errors with --quiet. */
export function shownResults(results: FileResult[], quiet: boolean): FileResult[] {
  return quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
}
