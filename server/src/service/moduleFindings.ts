import type { TemplateModule } from '../model/module';
import { lintModule } from '../rules/engine';
import type { Finding, Rule } from '../rules/types';
import type { CoderDindSettings } from '../../../shared/src/protocol';

/**
 * The tree-sitter rules' findings of each module snapshot, linted once per snapshot and settings object:
 * publishing, code actions and the workspace preview read the same findings, so the first code action
 * after an edit does not lint the module again. A snapshot is immutable (an edit makes a new module),
 * and settings objects are replaced, not changed, when the client's settings change.
 */
export class ModuleFindings {
  private readonly byModule = new WeakMap<TemplateModule, { settings: CoderDindSettings; findings: Finding[] }>();
  /** Rules that threw, each told in the log once. */
  private readonly failedRules = new Set<string>();

  constructor(
    private readonly rules: readonly Rule[],
    private readonly log: (message: string) => void,
  ) {}

  of(module: TemplateModule, settings: CoderDindSettings): Finding[] {
    const known = this.byModule.get(module);
    if (known && known.settings === settings) return known.findings;
    const findings = lintModule(module, this.rules, {
      severities: settings.rules,
      onRuleError: (rule, error) => {
        if (this.failedRules.has(rule)) return;
        this.failedRules.add(rule);
        this.log(`Rule ${rule} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      },
    });
    this.byModule.set(module, { settings, findings });
    return findings;
  }
}
