import * as path from 'node:path';
import type { Severity } from '../rules/types';
import type { LintArgs } from './args';
import type { CliIO } from './io';
import { toGitlab } from './gitlab';
import { FileResult, shownResults } from './results';
import { toSarif } from './sarif';

export type { FileResult };

/** The report in the chosen format; with --quiet it shows errors only. */
export function formatReport(args: Pick<LintArgs, 'format' | 'quiet' | 'color'>, results: FileResult[], io: CliIO, toolVersion: string): string {
  const shown = shownResults(results, args.quiet);
  switch (args.format) {
    case 'json':
      return toJson(shown.map((r) => ({ ...r, file: relativeOrAbsolute(r.file, io.cwd) }))) + '\n';
    case 'sarif':
      return toSarif(shown, io.cwd, toolVersion) + '\n';
    case 'gitlab':
      return toGitlab(shown, io.cwd) + '\n';
    default:
      return toStylish(shown, io.cwd, args.color ?? (io.isTTY && !io.env.NO_COLOR));
  }
}

function relativeOrAbsolute(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}

export function toJson(results: FileResult[]): string {
  return JSON.stringify(
    {
      version: 1,
      results: results.map((r) => ({
        file: r.file,
        method: r.method,
        diagnostics: r.findings.map((f) => ({
          rule: f.rule,
          messageId: f.messageId,
          severity: f.severity,
          message: f.message,
          range: f.range,
          fixes: [f.fix, ...(f.suggestions ?? [])].filter((x) => x !== undefined).map((x) => x.title),
        })),
      })),
    },
    null,
    2,
  );
}

export function toStylish(results: FileResult[], cwd: string, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const label: Record<Severity, string> = {
    error: paint('31', 'error'),
    warning: paint('33', 'warning'),
    info: paint('36', 'info'),
    hint: paint('2', 'hint'),
  };
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    if (!r.findings.length) continue;
    const method = r.method ? paint('2', `  (${r.method})`) : '';
    lines.push(paint('4', path.relative(cwd, r.file) || r.file) + method);
    const where = r.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
    const width = Math.max(...where.map((w) => w.length));
    r.findings.forEach((f, i) => {
      counts[f.severity]++;
      if (f.fix) fixable++;
      lines.push(`  ${paint('2', where[i].padEnd(width))}  ${label[f.severity].padEnd(color ? 16 : 7)}  ${f.message}  ${paint('2', f.rule)}`);
    });
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (!total) return '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // Info and hints are counted apart (a hint is not an info), each only when there is one.
  const optional = [counts.info ? `${counts.info} info` : '', counts.hint ? plural(counts.hint, 'hint') : ''].filter(Boolean);
  const summary = `${plural(total, 'problem')} (${[plural(counts.error, 'error'), plural(counts.warning, 'warning'), ...optional].join(', ')})`;
  lines.push(paint(counts.error ? '31;1' : '33;1', `✖ ${summary}`));
  if (fixable) lines.push(paint('2', `  ${fixable} of them can be fixed with --fix`));
  return lines.join('\n') + '\n';
}
