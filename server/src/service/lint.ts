import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import { lintModule, LintOptions, effectiveSeverity } from '../rules/engine';
import { hclSyntaxMeta } from '../rules/hcl-syntax';
import { checkSyntax } from './hclParser';
import { RULES } from '../rules';
import { Suppressions } from '../rules/suppression';
import type { Finding, SyntaxReport } from '../rules/types';

/**
 * Where `checkSyntax` runs: this thread by default; the server and the CLI pass their worker pool's
 * `check` (service/hclWorkers.ts). `background`: nobody is editing the file, other checks may go first.
 */
export type SyntaxChecker = (file: TfFile, background?: boolean) => Promise<SyntaxReport[]>;

const inThisThread: SyntaxChecker = (file) => checkSyntax(file);

/** The rules' options, and where the `hcl-syntax` check runs. */
export interface FullLintOptions extends LintOptions {
  syntaxChecker?: SyntaxChecker;
}

/** `hcl-syntax` findings of one file, with suppression and severity applied like any rule's. */
export async function syntaxFindings(file: TfFile, options: FullLintOptions = {}, background = false): Promise<Finding[]> {
  const severity = effectiveSeverity(hclSyntaxMeta.id, hclSyntaxMeta.defaultSeverity, options.severities);
  if (!severity) return [];
  const reports = await (options.syntaxChecker ?? inThisThread)(file, background);
  // Most files parse: no report, no need for the suppression comments (they need the tree, and the
  // trees of a file parked meanwhile would be parsed again just to read them).
  if (!reports.length) return [];
  const suppressions = new Suppressions(file);
  return reports
    .filter((r) => !suppressions.suppresses(hclSyntaxMeta.id, r.range))
    .map((r) => ({ rule: hclSyntaxMeta.id, messageId: 'rejected', data: { detail: r.message }, severity, ...r }));
}

/** Every finding of a module: the tree-sitter rules and `hcl-syntax` for each file. */
export async function lintModuleFully(module: TemplateModule, options: FullLintOptions = {}): Promise<Finding[]> {
  const findings = lintModule(module, RULES, options);
  for (const file of module.files) findings.push(...(await syntaxFindings(file, options)));
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.path.localeCompare(b.file.path) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.rule.localeCompare(b.rule),
  );
}
