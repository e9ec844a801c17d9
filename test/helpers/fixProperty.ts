import { TfFile } from '../../server/src/model/document';
import { TemplateModule } from '../../server/src/model/module';
import { attributesIn, blocksIn, HclBlock } from '../../server/src/model/syntax';
import { RULES } from '../../server/src/rules';
import { lintModule } from '../../server/src/rules/engine';
import { checkSyntax, hclJson } from '../../server/src/service/hclParser';
import type { Finding, Fix } from '../../server/src/rules/types';
import { applyFixes } from '../../server/src/rules/applyFixes';

/**
 * The property every fix (and suggestion) must have, checked on the module it was offered for:
 * 1. every file it changes still parses with Terraform's HCL parser;
 * 2. its finding is gone, and no finding appears that was not there before (every rule runs);
 * 3. every attribute of the template it does not edit reads the same to that parser (hcl2json),
 *    and anything it adds sits inside what it edits.
 * Returns the problems found, empty when the fix keeps the property.
 */
export async function fixProblems(module: TemplateModule, finding: Finding, fix: Fix, before: Finding[] = lintModule(module, RULES)): Promise<string[]> {
  const problems: string[] = [];
  const texts = new Map(module.files.map((f) => [f.path, f.text]));
  const changed = applyFixes(texts, [fix]);
  const afterFiles = module.files.map((f) => new TfFile(f.path, changed.get(f.path) ?? f.text));
  try {
    for (const file of afterFiles) {
      if (!changed.has(file.path)) continue;
      const syntax = await checkSyntax(file);
      if (syntax.length) problems.push(`${file.path} does not parse after "${fix.title}": ${syntax[0].message}`);
    }
    if (problems.length) return problems;
    const after = lintModule(new TemplateModule(module.dir, afterFiles), RULES);
    const pool = before.filter((f) => f !== finding);
    // The same finding after the fix: same rule, and the same message, or the same text, or the same place
    // (its start moved by the edits before it; a rename changes both the text and the message).
    const place = (f: Finding, moved: boolean) => `${f.file.path}\u0000${moved ? movedOffset(f, fix) : f.file.offsetAt(f.range.start)}`;
    const unmatched = after.filter((a) => {
      const i = pool.findIndex((b) => b.rule === a.rule && (b.message === a.message || coveredText(b) === coveredText(a) || place(b, true) === place(a, false)));
      if (i < 0) return true;
      pool.splice(i, 1);
      return false;
    });
    for (const f of unmatched) {
      if (awaitsItsValue(f, finding, fix, module)) continue;
      problems.push(f.rule === finding.rule && f.message === finding.message ? `"${fix.title}" leaves its finding: ${f.message}` : `"${fix.title}" brings a new ${f.rule} finding: ${f.message}`);
    }
    for (const file of module.files) {
      const next = changed.get(file.path);
      if (next === undefined) continue;
      problems.push(...(await attributeChanges(file, next, fix)).map((p) => `"${fix.title}" ${p}`));
    }
    return problems;
  } finally {
    for (const f of afterFiles) f.dispose();
  }
}

/**
 * A variable the fix itself declares, without a default on purpose (a fix must not choose its value): it
 * then needs a value at push, which variable-without-value says. That finding is the declaration's
 * meaning rather than a new problem, on exactly that variable: the one the fixed finding refers to
 * (`var.x`), whose label `"x"` lies inside text the fix inserted.
 */
function awaitsItsValue(f: Finding, finding: Finding, fix: Fix, module: TemplateModule): boolean {
  const file = module.files.find((x) => x.path === f.file.path);
  if (f.rule !== 'variable-without-value' || !file) return false;
  // The variable the finding referred to (`var.x`), declared by its label `"x"`.
  const referred = /^var\.([A-Za-z_][\w-]*)$/.exec(coveredText(finding).split('\u0000')[1]);
  if (!referred || coveredText(f).split('\u0000')[1] !== `"${referred[1]}"`) return false;
  const at = f.file.offsetAt(f.range.start);
  const end = f.file.offsetAt(f.range.end);
  return insertedSpans(file, fix).some(([s, e]) => at >= s && end <= e);
}

/** Where the text of each of the fix's insertions (edits that replace nothing) lies in the fixed file. */
function insertedSpans(file: TfFile, fix: Fix): Array<[number, number]> {
  const edits = (fix.edits[file.path] ?? []).map((e) => [file.offsetAt(e.range.start), file.offsetAt(e.range.end), e.newText] as const).sort((a, b) => a[0] - b[0]);
  const spans: Array<[number, number]> = [];
  let shift = 0;
  for (const [s, e, text] of edits) {
    if (s === e) spans.push([s + shift, s + shift + text.length]);
    shift += text.length - (e - s);
  }
  return spans;
}

/** Where a finding of the module before the fix starts once the fix's edits before it are applied. */
function movedOffset(f: Finding, fix: Fix): number {
  const start = f.file.offsetAt(f.range.start);
  let moved = start;
  for (const e of fix.edits[f.file.path] ?? []) {
    const s = f.file.offsetAt(e.range.start);
    const end = f.file.offsetAt(e.range.end);
    if (end <= start) moved += e.newText.length - (end - s);
    else if (s < start) return -1; // an edit over the start: the place is gone
  }
  return moved;
}


function coveredText(f: Finding): string {
  return `${f.file.path}\u0000${f.file.text.slice(f.file.offsetAt(f.range.start), f.file.offsetAt(f.range.end))}`;
}

type Path = Array<string | number>;
const key = (p: Path) => p.join('\u0001');

/** Leaves of hcl2json's JSON by path: `resource/docker_container/x/0/env/1`. */
function leaves(value: unknown, path: Path = [], out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) out.set(key(path), '{}');
    for (const [k, v] of entries) leaves(v, [...path, k], out);
  } else out.set(key(path), JSON.stringify(value));
  return out;
}

/** Paths (in hcl2json's form) of what the fix's edits touch: attributes, whole blocks, and blocks it adds to. */
/** A block whose header an edit changes: its path before, and how many steps of it are its parent's. */
interface RenamedBlock {
  path: Path;
  parent: number;
  labelled: boolean;
}

function editedPaths(file: TfFile, fix: Fix): { whole: Path[]; within: Path[]; renamed: RenamedBlock[]; renamedAttributes: Path[]; topLevel: boolean } {
  const whole: Path[] = [];
  const renamedAttributes: Path[] = [];
  const renamed: RenamedBlock[] = [];
  const within: Path[] = [];
  const edits = (fix.edits[file.path] ?? [])
    .map((e) => [file.offsetAt(e.range.start), file.offsetAt(e.range.end), e.newText] as const)
    // An edit that writes back what is there (a fix holding a range, see FixBuilder.holdRange) changes nothing.
    .filter(([s, e, text]) => file.text.slice(s, e) !== text)
    .map(([s, e]) => [s, e] as const);
  const touches = (start: number, end: number, [s, e]: readonly [number, number]) => (s === e ? s > start && s < end : s < end && e > start);
  const visit = (blocks: HclBlock[], parent: Path, edit: readonly [number, number]): void => {
    const seen = new Map<string, number>();
    for (const block of blocks) {
      const id = [block.type, ...block.labels].join('\u0001');
      const index = seen.get(id) ?? 0;
      seen.set(id, index + 1);
      const path = [...parent, block.type, ...block.labels, index];
      if (!touches(block.node.startIndex, block.node.endIndex, edit)) continue;
      const bodyStart = block.openBrace?.endIndex ?? block.node.startIndex;
      if (edit[0] < bodyStart) {
        // The header: a type or label renamed, so the block moves to another path.
        whole.push(path);
        renamed.push({ path, parent: parent.length, labelled: block.labels.length > 0 });
        continue;
      }
      const attributes = attributesIn(block.body).filter((a) => touches(a.node.startIndex, a.node.endIndex, edit));
      for (const a of attributes) {
        whole.push([...path, a.name]);
        // An edit of the name alone renames the attribute: its value must reappear under the new name.
        if (edit[0] >= a.nameNode.startIndex && edit[1] <= a.nameNode.endIndex) renamedAttributes.push([...path, a.name]);
      }
      // An attribute replaced whole may be replaced by another one (`privileged = true` → `runtime = …`).
      if (attributes.some((a) => edit[0] <= a.node.startIndex && edit[1] >= a.node.endIndex)) within.push(path);
      const inner = blocksIn(block.body).filter((b) => touches(b.node.startIndex, b.node.endIndex, edit));
      if (inner.length) visit(blocksIn(block.body), path, edit);
      else if (!attributes.length) within.push(path);
    }
  };
  let topLevel = false;
  for (const edit of edits) {
    visit(file.index.blocks, [], edit);
    // An edit between top-level blocks (a new declaration) adds at the top level.
    if (!file.index.blocks.some((b) => touches(b.node.startIndex, b.node.endIndex, edit))) topLevel = true;
  }
  return { whole, within, renamed, renamedAttributes, topLevel };
}

/** A top-level declaration's own path: `resource/T/N`, `data/T/N`, `variable/N`, `locals/<i>`… (its first three steps at most). */
const declarationOf = (k: string) => k.split('\u0001').slice(0, 3).join('\u0001');

const startsWith = (k: string, p: Path) => {
  const prefix = key(p);
  return k === prefix || k.startsWith(prefix + '\u0001');
};

/** The parser's reading of the texts fixes start from: each module is checked for many fixes in a row. */
const beforeJson = new Map<string, Promise<unknown>>();

function jsonOf(text: string): Promise<unknown> {
  let json = beforeJson.get(text);
  if (!json) {
    if (beforeJson.size >= 8) beforeJson.delete(beforeJson.keys().next().value as string);
    beforeJson.set(text, (json = hclJson(text)));
  }
  return json;
}

async function attributeChanges(file: TfFile, next: string, fix: Fix): Promise<string[]> {
  const [a, b] = await Promise.all([jsonOf(file.text), hclJson(next)]);
  if (a === undefined || b === undefined) return [];
  const before = leaves(a);
  const after = leaves(b);
  const { whole, within, renamed, renamedAttributes, topLevel } = editedPaths(file, fix);
  const declarations = new Set([...before.keys()].map(declarationOf));
  const problems: string[] = [];
  // A renamed block must reappear with the same content (less what other edits touch) under a path that
  // did not exist before, beside where it was: the same parent, another type or label (`metdata {…}` →
  // `metadata {…}`, `dynamic "envv"` → `dynamic "env"`, a top-level declaration renamed). Or, for a block
  // without labels, as an assignment of the same name holding the same leaves (`env { A = "b" }` →
  // `env = { A = "b" }`): hcl2json then reads env.A where it read env.0.A.
  for (const { path, parent, labelled } of renamed) {
    const relative = (leafs: Map<string, string>, prefix: string) =>
      JSON.stringify(
        [...leafs]
          .filter(([k]) => k.startsWith(prefix + '\u0001'))
          .map(([k, v]) => [k.slice(prefix.length), v])
          .filter(([k]) => !whole.some((w) => w.length > path.length && startsWith(key(path) + k, w)))
          .sort(),
      );
    const old = relative(before, key(path));
    const existed = (m: string) => [...before.keys()].some((k) => k === m || k.startsWith(m + '\u0001'));
    const home = key(path.slice(0, parent));
    const moved = [
      ...new Set(
        [...after.keys()]
          .filter((k) => !parent || k.startsWith(home + '\u0001'))
          .map((k) => k.split('\u0001').slice(0, path.length).join('\u0001'))
          .filter((m) => m.split('\u0001').length === path.length && !existed(m)),
      ),
    ];
    const assignment = key(path.slice(0, -1));
    const movedOut = labelled || [...before.keys()].some((k) => startsWith(k, path.slice(0, -1)) && !startsWith(k, path)) ? [] : [assignment];
    const target = [...moved, ...movedOut].find((m) => relative(after, m) === old);
    if (target) whole.push(target.split('\u0001'));
    else problems.push(`renames ${path.join('.')} but nothing with the same content takes its place`);
  }
  for (const [k, v] of before) {
    if (whole.some((p) => startsWith(k, p))) continue;
    // An empty block that the fix fills is still there.
    if (v === '{}' && [...after.keys()].some((x) => x.startsWith(k + '\u0001'))) continue;
    if (after.get(k) !== v) problems.push(`changes ${k.split('\u0001').join('.')} (${v} → ${after.get(k) ?? 'absent'}), which it does not edit`);
  }
  // A renamed attribute's leaves, relative to the attribute, by the block holding it.
  const renamedLeaves = renamedAttributes.map((p) => {
    const prefix = key(p);
    const block = key(p.slice(0, -1));
    const rest = new Map([...before].filter(([k]) => startsWith(k, p)).map(([k, v]) => [k.slice(prefix.length), v]));
    return { block, rest };
  });
  const takesRenamedPlace = (k: string, v: string) =>
    renamedLeaves.some(({ block, rest }) => {
      if (!k.startsWith(block + '\u0001')) return false;
      const tail = k.slice(block.length + 1);
      const cut = tail.indexOf('\u0001');
      return rest.get(cut < 0 ? '' : tail.slice(cut)) === v;
    });
  for (const [k, v] of after) {
    if (before.has(k) || whole.some((p) => startsWith(k, p)) || within.some((p) => startsWith(k, p))) continue;
    if (takesRenamedPlace(k, v)) continue;
    if (topLevel && !declarations.has(declarationOf(k))) continue;
    problems.push(`adds ${k.split('\u0001').join('.')} = ${v} outside what it edits`);
  }
  return problems;
}
