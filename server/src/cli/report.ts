import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_METAS } from '../rules';
import { docsUrl, Severity } from '../rules/types';
import type { Finding } from '../rules/types';

/** What the CLI found in one file: the JSON output's `results[]` entry, before serialising. */
export interface FileResult {
  file: string;
  method: string | null;
  findings: Finding[];
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

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(results: FileResult[], cwd: string, toolVersion: string): string {
  const ruleIndex = new Map(RULE_METAS.map((m, i) => [m.id, i]));
  const base = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
  const relative = (file: string) => {
    const rel = path.relative(cwd, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? { uri: pathToFileURL(file).href } : { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'coder-dind',
            version: toolVersion,
            informationUri: 'https://github.com/coder-dind/coder-dind',
            rules: RULE_METAS.map((m) => ({
              id: m.id,
              name: m.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: m.description },
              fullDescription: { text: m.description },
              helpUri: docsUrl(m.id),
              help: { text: `${m.description} See ${docsUrl(m.id)}`, markdown: `${m.description} [Documentation](${docsUrl(m.id)})` },
              defaultConfiguration: { level: SARIF_LEVEL[m.defaultSeverity] },
              properties: { tags: ['coder', 'terraform', m.fixable ? 'fixable' : 'manual'] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: base } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: relative(r.file), properties: { method: r.method } })),
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule) ?? -1,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { ...relative(r.file), index: artifactIndex },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
            properties: { method: r.method, fixes: [f.fix, ...(f.suggestions ?? [])].filter((x) => x !== undefined).map((x) => x.title) },
          })),
        ),
        properties: { methods: Object.fromEntries(results.map((r) => [relative(r.file).uri, r.method])) },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
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
