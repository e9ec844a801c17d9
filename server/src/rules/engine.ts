import type { TemplateModule } from '../model/module';
import { templateFacts } from '../model/containers';
import { detectMethod } from '../model/method';
import { Suppressions } from './suppression';
import type { Finding, Rule, RuleContext, Severity } from './types';
import type { TfFile } from '../model/document';
import type { RuleSeveritySetting } from '../protocol';

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
        findings.push({ rule: rule.meta.id, severity, ...r });
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
