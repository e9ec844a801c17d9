import type { TemplateModule } from '../model/module';
import { templateFacts } from '../model/containers';
import { detectMethod } from '../model/method';
import { Suppressions } from './suppression';
import { formatMessage } from './messages';
import type { Finding, Fix, Report, Rule, RuleContext, Severity } from './types';
import { orderedEdits, TextEdit } from '../model/text';
import type { TfFile } from '../model/document';
import type { RuleSeveritySetting } from '../../../shared/src/protocol';

export interface LintOptions {
  /** Severity per rule id; `off` disables it. */
  severities?: Record<string, RuleSeveritySetting>;
  /** Called once per rule that throws; the other rules still run. */
  onRuleError?: (rule: string, error: unknown) => void;
}

/**
 * Runs the tree-sitter rules on a module. Gating (RULES.md): on a module that is not a Coder template,
 * only rules marked `allModules` run. Suppression comments and severity settings apply here, once.
 */
export function lintModule(module: TemplateModule, rules: readonly Rule[], options: LintOptions = {}): Finding[] {
  const coder = module.isCoderTemplate;
  const facts = templateFacts(module);
  const method = coder ? detectMethod(module) : null;
  const findings: Finding[] = [];
  const suppressions = new Map<TfFile, Suppressions>();
  const suppressionsOf = (file: TfFile) => {
    let s = suppressions.get(file);
    if (!s) suppressions.set(file, (s = new Suppressions(file)));
    return s;
  };

  for (const rule of rules) {
    if (!coder && !rule.meta.allModules) continue;
    const severity = effectiveSeverity(rule.meta.id, rule.meta.defaultSeverity, options.severities);
    if (!severity) continue;
    const context: RuleContext = {
      module,
      facts,
      method,
      report: (r) => {
        if (suppressionsOf(r.file).suppresses(rule.meta.id, r.range)) return;
        const own = r.severity && options.severities?.[rule.meta.id] === undefined ? r.severity : severity;
        const message = formatMessage(rule.meta.id, rule.meta.messages, r.messageId, r.data);
        findings.push({ ...withApplicableFix(r), message, rule: rule.meta.id, severity: own });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  return findings;
}

/**
 * The report with the edits of its fix and suggestions in editor order, less any fix two of whose edits
 * overlap. On text that error recovery reads oddly, a rule may build edits that collide (one replaces a
 * value whose tree runs over the next attribute, another removes that attribute); a fix the editor would
 * refuse, or the CLI would apply in part, is worse than none. The finding stays.
 */
function withApplicableFix(report: Report): Report {
  if (!report.fix && !report.suggestions) return report;
  const suggestions = report.suggestions?.map(applicable).filter((f): f is Fix => f !== undefined);
  return { ...report, fix: report.fix && applicable(report.fix), suggestions };
}

function applicable(fix: Fix): Fix | undefined {
  const edits: Record<string, TextEdit[]> = {};
  for (const [path, list] of Object.entries(fix.edits)) {
    const ordered = orderedEdits(list);
    if (!ordered) return undefined;
    edits[path] = ordered;
  }
  return { ...fix, edits };
}

export function effectiveSeverity(
  rule: string,
  defaultSeverity: Severity,
  settings: Record<string, RuleSeveritySetting> | undefined,
): Severity | undefined {
  const setting = settings?.[rule];
  if (setting === 'off') return undefined;
  if (setting === 'error' || setting === 'warning' || setting === 'info' || setting === 'hint') return setting;
  return defaultSeverity;
}
