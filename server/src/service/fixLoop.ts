import { TfFile } from '../model/document';
import { TemplateModule } from '../model/module';
import type { Finding, Fix } from '../rules/types';
import { applyFixes, compatibleFixes } from '../rules/applyFixes';
import { checkSyntax } from './hclParser';

const MAX_FIX_PASSES = 10;

export interface FixLoopResult {
  /** The module after the last pass that applied. */
  module: TemplateModule;
  /** The new text of each file that changed, by path. */
  changed: Map<string, string>;
  /** How many fixes were applied, over all passes. */
  fixed: number;
  /** The findings of `module`. */
  findings: Finding[];
}

/**
 * Applies preferred fixes until none is left (or ten passes), as `coder-dind lint --fix` does and the rule
 * tests check: each pass takes the fixes that do not overlap, applies them, and lints the result again.
 * A file Terraform's parser rejects before is never touched, and a pass whose result it would reject is
 * not applied (the loop stops there). `wanted` chooses the findings whose fixes apply.
 */
export async function fixUntilStable(
  start: TemplateModule,
  lint: (module: TemplateModule) => Finding[] | Promise<Finding[]>,
  wanted: (finding: Finding) => boolean = () => true,
): Promise<FixLoopResult> {
  let module = start;
  const original = new Map(module.files.map((f) => [f.path, f.text]));
  const broken = new Set<string>();
  for (const f of module.files) if ((await checkSyntax(f)).length) broken.add(f.path);
  let fixed = 0;
  let findings = await lint(module);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = compatibleFixes(
      findings
        .filter(wanted)
        .map((f) => f.fix)
        .filter((f): f is Fix => !!f && Object.keys(f.edits).every((p) => !broken.has(p))),
    );
    if (!fixes.length) break;
    const next = applyFixes(new Map(module.files.map((f) => [f.path, f.text])), fixes);
    // A fixed text is never edited as a document: readers may keep what they read on its index.
    const files = module.files.map((f) => (next.has(f.path) ? new TfFile(f.path, next.get(f.path) as string, null, true, false) : f));
    const stillParses = await Promise.all(files.filter((f) => next.has(f.path)).map(async (f) => (await checkSyntax(f)).length === 0));
    if (stillParses.includes(false)) break;
    module = new TemplateModule(module.dir, files, module.context);
    fixed += fixes.length;
    findings = await lint(module);
  }
  const changed = new Map<string, string>();
  for (const f of module.files) if (original.get(f.path) !== f.text) changed.set(f.path, f.text);
  return { module, changed, fixed, findings };
}
