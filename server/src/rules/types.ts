import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import type { TemplateFacts } from '../model/containers';
import type { DetectedMethod } from '../model/method';
import type { Range, TextEdit } from '../model/text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One quick fix or suggestion: edits to one or more files of the module, by path. */
export interface Fix {
  title: string;
  edits: Record<string, TextEdit[]>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  file: TfFile;
  range: Range;
  message: string;
  /** The preferred fix (RULES.md "Fix"). */
  fix?: Fix;
  /** Riskier alternatives (RULES.md "Suggestion"). */
  suggestions?: Fix[];
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Whether it offers a preferred fix. */
  fixable: boolean;
  /** Whether it offers suggestions. */
  hasSuggestions?: boolean;
  /** Runs on every module, Coder template or not (only hcl-syntax does). */
  allModules?: boolean;
  /**
   * Its errors mean `coder templates push` fails however it is run, before Coder sees the template or at
   * `terraform init`: the publish command stops on them instead of offering to publish anyway.
   */
  blocksPush?: boolean;
}

export interface Report {
  file: TfFile;
  range: Range;
  message: string;
  /**
   * This finding's severity when the user has not set one for the rule: a rule whose findings differ in
   * weight (a value Coder rejects, or one it only warns about) says so per finding.
   */
  severity?: Severity;
  fix?: Fix;
  suggestions?: Fix[];
}

export interface RuleContext {
  module: TemplateModule;
  facts: TemplateFacts;
  method: DetectedMethod | null;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Tree-sitter rules are synchronous and run on every edit. */
  check(context: RuleContext): void;
}

export const DOCS_BASE_URL = 'https://github.com/coder-dind/coder-dind/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
