import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { TfFile } from '../../server/src/model/document';
import { ModuleContext, TemplateModule } from '../../server/src/model/module';
import type { FolderEntry, PushedFolder } from '../../server/src/model/pushedFolder';
import { initParser } from '../../server/src/model/parser';
import { lintModule } from '../../server/src/rules/engine';
import { checkSyntax } from '../../server/src/service/hclParser';
import type { Finding, Rule, Severity } from '../../server/src/rules/types';
import { applyFixes } from '../../server/src/rules/applyFixes';
import { fixUntilStable } from '../../server/src/service/fixLoop';
import { RULES } from '../../server/src/rules';
import { fixProblems } from './fixProperty';

/**
 * A module given as file name → text; a bare string is `main.tf`. A name with a folder in it
 * (`modules/dev/main.tf`) belongs to a local module the template can call (`source = "./modules/dev"`).
 */
export type Files = string | Record<string, string>;

/**
 * The folder as the CLI would push it: its name (default `template`) and its other entries, a text or a
 * size in bytes each. Without it a case's module knows nothing of its folder, as for an unsaved document.
 */
export interface FolderSpec {
  name?: string;
  entries?: Record<string, string | number>;
  /** False for a folder whose walk stopped early (too many entries, or an archive surely too large). */
  complete?: boolean;
}

export interface ValidCase {
  name: string;
  files: Files;
  folder?: FolderSpec;
}

export interface ExpectedFinding {
  /** File name (default `main.tf`). */
  file?: string;
  /** The exact text the finding's range covers; `occurrence` picks which one (default 0). */
  at?: string;
  occurrence?: number;
  /** Or the exact range, 0-based `[startLine, startChar, endLine, endChar]`. */
  range?: [number, number, number, number];
  /** Which of the rule's `meta.messages` the finding gives. */
  messageId: string;
  message?: RegExp;
  severity?: Severity;
  /** Titles of the fix and suggestions, when given. */
  fixTitle?: string | null;
  suggestions?: string[];
}

export interface InvalidCase {
  name: string;
  files: Files;
  folder?: FolderSpec;
  findings: ExpectedFinding[];
  /** The module after applying every preferred fix of this rule (file name → text; a string = main.tf). Omit for rules without a fix. */
  output?: Files;
}

/**
 * A case where the finding stays but no fix is offered (the value is unknown, conditional, or one the
 * user chose): every finding must come without a fix, and with exactly the listed suggestions (none
 * unless `suggestions` is given).
 */
export interface NoFixCase {
  name: string;
  files: Files;
  findings: Array<Omit<ExpectedFinding, 'fixTitle'>>;
  /** The module after applying the first finding's first suggestion, when given. */
  suggestionOutput?: Files;
}

const DIR = '/virtual/template';

export function toModule(files: Files, folder?: FolderSpec): TemplateModule {
  const map = typeof files === 'string' ? { 'main.tf': files } : files;
  const byDir = new Map<string, TfFile[]>();
  for (const [name, text] of Object.entries(map)) {
    const dir = `${DIR}/${name}`.slice(0, `${DIR}/${name}`.lastIndexOf('/'));
    byDir.set(dir, [...(byDir.get(dir) ?? []), new TfFile(`${DIR}/${name}`, text)]);
  }
  const modules = new Map<string, TemplateModule>();
  const context = (dir: string): ModuleContext => ({
    folder: dir === DIR && folder ? () => pushedFolder(map, folder) : undefined,
    localModule: (other) => {
      const own = byDir.get(other);
      if (!own) return undefined;
      if (!modules.has(other)) modules.set(other, new TemplateModule(other, own, context(other)));
      return modules.get(other);
    },
  });
  return new TemplateModule(DIR, byDir.get(DIR) ?? [], context(DIR));
}

function pushedFolder(files: Record<string, string>, spec: FolderSpec): PushedFolder {
  const all: Record<string, string | number> = { ...files, ...spec.entries };
  const entries: FolderEntry[] = [];
  const dirs = new Set<string>();
  for (const name of Object.keys(all)) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const d of dirs) entries.push({ path: d, kind: 'dir', size: 4096 });
  for (const [name, content] of Object.entries(all)) {
    entries.push({ path: name, kind: 'file', size: typeof content === 'number' ? content : Buffer.byteLength(content) });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  const variableFiles = Object.entries(all)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .filter(([name]) => /(^terraform\.tfvars(\.json)?|\.auto\.tfvars(\.json)?)$/.test(name))
    .map(([name, content]) => ({ path: name, text: typeof content === 'string' ? content : undefined }));
  return { name: spec.name ?? 'template', entries, complete: spec.complete ?? true, variableFiles };
}

function fileName(f: Finding): string {
  return f.file.path.slice(DIR.length + 1);
}

function locate(text: string, at: string, occurrence = 0): [number, number, number, number] {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(at, index + 1);
    assert.notEqual(index, -1, `the case text has no occurrence #${occurrence} of ${JSON.stringify(at)}`);
  }
  const before = text.slice(0, index).split(/\r\n|\r|\n/);
  const inside = at.split(/\r\n|\r|\n/);
  const startLine = before.length - 1;
  const startChar = before[before.length - 1].length;
  const endLine = startLine + inside.length - 1;
  const endChar = inside.length === 1 ? startChar + at.length : inside[inside.length - 1].length;
  return [startLine, startChar, endLine, endChar];
}

/** The same module with Windows line ends, tab indentation, or trailing spaces (STYLE.md's edge multipliers). */
export const EDGE_VARIANTS: Array<[string, (text: string) => string]> = [
  ['CRLF line ends', (t) => t.replace(/\r?\n/g, '\r\n')],
  ['tab indentation', (t) => t.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2))],
  ['trailing spaces', (t) => t.replace(/\n/g, '  \n')],
];

function mapFiles(files: Files, f: (t: string) => string): Files {
  return typeof files === 'string' ? f(files) : Object.fromEntries(Object.entries(files).map(([k, v]) => [k, f(v)]));
}

function lintWith(rule: Rule, module: TemplateModule): Finding[] {
  const errors: unknown[] = [];
  const findings = lintModule(module, [rule], { onRuleError: (_, e) => errors.push(e) });
  if (errors.length) throw errors[0];
  return findings;
}

/**
 * Applies every preferred fix of the rule, pass after pass, with the loop `lint --fix` runs
 * (service/fixLoop.ts): a pass whose result Terraform's parser rejects is not applied.
 */
export async function fixAll(rule: Rule, files: Files, folder?: FolderSpec): Promise<Record<string, string>> {
  const texts = typeof files === 'string' ? { 'main.tf': files } : files;
  const { changed } = await fixUntilStable(toModule(texts, folder), (module) => lintWith(rule, module));
  return Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, changed.get(`${DIR}/${name}`) ?? text]));
}

/** The property of every fix and suggestion of the rule in this module (fixProperty.ts), with every rule running. */
async function checkFixProperty(rule: Rule, module: TemplateModule): Promise<void> {
  const all = lintModule(module, RULES);
  for (const finding of all.filter((f) => f.rule === rule.meta.id)) {
    for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
      if (fix) assert.deepEqual(await fixProblems(module, finding, fix, all), [], `the property of "${fix.title}"`);
    }
  }
}

/** Exactly the expected findings, in order, with their ranges, severities, messages and fix titles. */
function checkFindings(rule: Rule, module: TemplateModule, findings: Finding[], expectedFindings: ExpectedFinding[]): void {
  assert.equal(findings.length, expectedFindings.length, `expected ${expectedFindings.length} finding(s), got:\n${findings.map((f) => `  ${fileName(f)}:${f.range.start.line}:${f.range.start.character} ${f.message}`).join('\n')}`);
  expectedFindings.forEach((expected, i) => {
    const actual = findings[i];
    const name = expected.file ?? 'main.tf';
    assert.equal(fileName(actual), name);
    const text = module.files.find((f) => f.path.endsWith(`/${name}`))!.text;
    const range = expected.range ?? (expected.at !== undefined ? locate(text, expected.at, expected.occurrence) : undefined);
    if (range) {
      assert.deepEqual([actual.range.start.line, actual.range.start.character, actual.range.end.line, actual.range.end.character], range, `range of finding ${i}`);
    }
    assert.equal(actual.severity, expected.severity ?? rule.meta.defaultSeverity);
    assert.equal(actual.messageId, expected.messageId, `messageId of finding ${i}`);
    if (expected.message) assert.match(actual.message, expected.message);
    if (expected.fixTitle !== undefined) assert.equal(actual.fix?.title ?? null, expected.fixTitle);
    if (expected.suggestions) assert.deepEqual((actual.suggestions ?? []).map((s) => s.title), expected.suggestions);
    // A rule that offers nothing has every invalid case as its "no fix here" table.
    if (rule.meta.fixable === false) assert.equal(actual.fix, undefined, 'a rule without a fix offered one');
    if (!rule.meta.hasSuggestions) assert.deepEqual(actual.suggestions ?? [], [], 'a rule without suggestions offered one');
  });
}

/**
 * ESLint-style table test of one rule: valid cases stay silent (also in each edge variant); invalid
 * cases give exactly the listed findings with exact ranges; the fixes give exactly `output`, which
 * parses with Terraform's HCL parser and no longer has the finding.
 */
export function ruleTable(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[]; noFix?: NoFixCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    before(() => initParser());
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        assert.deepEqual(lintWith(rule, toModule(c.files, c.folder)).map((f) => `${f.rule} ${f.message}`), []);
      });
      for (const [variant, transform] of EDGE_VARIANTS) {
        it(`valid: ${c.name} (${variant})`, () => {
          assert.deepEqual(lintWith(rule, toModule(mapFiles(c.files, transform), c.folder)).map((f) => f.message), []);
        });
      }
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const module = toModule(c.files, c.folder);
        checkFindings(rule, module, lintWith(rule, module), c.findings);
        await checkFixProperty(rule, module);
        if (c.output !== undefined) {
          const fixed = await fixAll(rule, c.files, c.folder);
          const wanted = typeof c.output === 'string' ? { 'main.tf': c.output } : c.output;
          for (const [name, text] of Object.entries(wanted)) assert.equal(fixed[name], text, `text of ${name} after the fix`);
          const after = toModule(fixed, c.folder);
          assert.deepEqual(lintWith(rule, after).map((f) => f.message), [], 'the fix left the finding');
          for (const file of after.files) assert.deepEqual(await checkSyntax(file), [], `${file.path} does not parse after the fix`);
        }
      });
      for (const [variant, transform] of EDGE_VARIANTS.slice(0, 2)) {
        it(`invalid: ${c.name} (${variant})`, async () => {
          const findings = lintWith(rule, toModule(mapFiles(c.files, transform), c.folder));
          assert.deepEqual(findings.map((f) => f.messageId), c.findings.map((f) => f.messageId), `${variant}: the same findings`);
          if (c.output !== undefined) {
            const fixed = await fixAll(rule, mapFiles(c.files, transform), c.folder);
            const wanted = typeof c.output === 'string' ? { 'main.tf': c.output } : c.output;
            for (const [name, text] of Object.entries(wanted)) assert.equal(fixed[name], transform(text), `${variant}: text of ${name} after the fix`);
          }
        });
      }
    }
    it('tests every message id', () => {
      const tested = new Set([...cases.invalid, ...(cases.noFix ?? [])].flatMap((c) => c.findings.map((f) => f.messageId)));
      const untested = Object.keys(rule.meta.messages).filter((id) => !tested.has(id));
      assert.deepEqual(untested, [], `message ids of ${rule.meta.id} that no invalid or "no fix here" case expects`);
    });
    const offersFixes = rule.meta.fixable || rule.meta.hasSuggestions;
    if (offersFixes) {
      it('declares a "no fix here" table', () => {
        assert.ok(cases.noFix?.length, `${rule.meta.id} offers fixes: its test lists cases where the finding stays without one (noFix)`);
      });
    }
    for (const c of cases.noFix ?? []) {
      it(`no fix here: ${c.name}`, async () => {
        const module = toModule(c.files);
        const findings = lintWith(rule, module);
        checkFindings(rule, module, findings, c.findings);
        findings.forEach((f, i) => {
          assert.equal(f.fix?.title, undefined, `finding ${i} offers a fix`);
          assert.deepEqual((f.suggestions ?? []).map((x) => x.title), c.findings[i].suggestions ?? [], `suggestions of finding ${i}`);
        });
        if (c.suggestionOutput !== undefined) {
          const suggestion = findings[0]?.suggestions?.[0];
          assert.ok(suggestion, 'the first finding offers a suggestion');
          const byPath = new Map(module.files.map((f) => [f.path, f.text]));
          const next = applyFixes(byPath, [suggestion]);
          const wanted = typeof c.suggestionOutput === 'string' ? { 'main.tf': c.suggestionOutput } : c.suggestionOutput;
          for (const [name, text] of Object.entries(wanted)) assert.equal(next.get(`${DIR}/${name}`) ?? byPath.get(`${DIR}/${name}`), text, `text of ${name} after the suggestion`);
        }
        await checkFixProperty(rule, module);
      });
      for (const [variant, transform] of EDGE_VARIANTS.slice(0, 2)) {
        it(`no fix here: ${c.name} (${variant})`, () => {
          const findings = lintWith(rule, toModule(mapFiles(c.files, transform)));
          assert.deepEqual(findings.map((f) => f.messageId), c.findings.map((f) => f.messageId), `${variant}: the same findings`);
          findings.forEach((f, i) => assert.equal(f.fix?.title, undefined, `${variant}: finding ${i} offers a fix`));
        });
      }
    }
  });
}
