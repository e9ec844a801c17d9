import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { RULE_METAS } from '../../server/src/rules';

/**
 * The layering of DESIGN.md and docs/architecture.md, made executable. Layers, lowest first:
 *   shared → schema → model → rules | features | scaffold → service → connection | cli
 * A file may import its own layer's folder and any lower layer, never a higher one. The client talks to
 * the server over LSP only: it imports shared/ (the protocol is there) and its own files.
 */

const root = path.join(__dirname, '..', '..');

/** Layer of each folder of server/src; equal numbers are peers that must not mix. */
const SERVER_LAYERS: Record<string, number> = {
  schema: 1,
  model: 2,
  rules: 3,
  features: 3,
  scaffold: 3,
  service: 4,
  cli: 5,
  connection: 5,
};

/** The files at the root of server/src and the group they belong to: the two entry points and the LSP wiring. */
const ROOT_FILES: Record<string, string> = {
  'cli.ts': 'cli',
  'server.ts': 'connection',
  'connection.ts': 'connection',
};

/** Peers that may read each other, with the reason. Everything else in one layer stays apart. */
const PEER_EDGES: Array<[from: string, to: string, why: string]> = [
  ['features', 'rules', 'code actions and diagnostics present findings: they read the finding types and suppression comments'],
];

interface Unit {
  /** The folder that names the layer ("model", "client", "shared"), or the group of a root file. */
  group: string;
  layer: number;
}

function unitOf(rel: string): Unit {
  if (rel.startsWith('shared/')) return { group: 'shared', layer: 0 };
  if (rel.startsWith('client/')) return { group: 'client', layer: 9 };
  const first = rel.slice('server/src/'.length).split('/')[0];
  const group = ROOT_FILES[first] ?? first;
  const layer = SERVER_LAYERS[group];
  assert.ok(layer !== undefined, `${rel}: server/src/${first} has no layer; add it to the layering test and docs/architecture.md`);
  return { group, layer };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Every relative import of every source file: import and export-from (type-only ones too, since a type
 * cycle is still a cycle for the reader), `import()` and `require()`, as TypeScript itself reads them.
 */
function importGraph(): Map<string, string[]> {
  const files = ['server/src', 'client/src', 'shared/src'].flatMap((d) => sourceFiles(path.join(root, d)));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const rel = path.relative(root, file);
    const targets: string[] = [];
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) {
        // A package import: the client may only use VS Code and its language client besides Node.
        if (rel.startsWith('client/')) assert.ok(/^(vscode|vscode-languageclient(\/.*)?|node:.*)$/.test(fileName), `${rel} imports the package ${fileName}`);
        continue;
      }
      const target = resolve(file, fileName);
      assert.ok(target, `${rel}: cannot resolve ${fileName}`);
      targets.push(path.relative(root, target));
    }
    graph.set(rel, targets);
  }
  return graph;
}

/** Longest a source file may be (STYLE.md: small modules whose names explain them). */
const MAX_LINES = 300;

/**
 * Data, not code, exempt from the length limit: the provider schemas and the registry index that
 * `npm run schemas` and `npm run registry` generate, and the notes overlay (one entry per attribute).
 */
const LONG_DATA = [/^server\/src\/schema\/data\//, /^server\/src\/schema\/notes\.json$/];

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

/**
 * The project's own tooling is held to the same limit: the schema and registry generators and the other
 * scripts, the benchmark, the fuzzer, the e2e harness and the shared test helpers. Only their source files
 * count; the fuzz corpus, the saved regressions and the benchmark's generated inputs are data. The table
 * tests (test/rules, test/unit, test/lsp, test/cli and test/e2e/*.test.*) are left out on purpose: each is
 * a table of cases, as long as its rule or feature has cases.
 */
const TOOLING = ['scripts', 'bench', 'test/fuzz', 'test/e2e/lib', 'test/helpers'];
const TOOLING_SOURCE = /\.(ts|mts|cts|js|mjs|cjs|lua)$/;

/** `file: N lines` for each of `files` (relative to the root) longer than MAX_LINES. */
function tooLong(files: string[]): string[] {
  return files
    .map((f) => ({ f, lines: readFileSync(path.join(root, f), 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ f, lines }) => `${f}: ${lines} lines`);
}

const graph = importGraph();
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('layering', () => {
  it('reads a real graph (the scan finds the imports it checks)', () => {
    assert.ok(graph.size > 100, `${graph.size} files`);
    assert.ok(edges.some((e) => e.from === 'server/src/connection.ts' && e.to.startsWith('server/src/service/')));
    assert.ok(edges.some((e) => e.from.startsWith('client/') && e.to.startsWith('shared/')));
  });

  it('imports go downward only', () => {
    const wrong: string[] = [];
    for (const { from, to } of edges) {
      const a = unitOf(from);
      const b = unitOf(to);
      if (a.group === b.group) continue;
      if (a.group === 'client') {
        if (b.group !== 'shared') wrong.push(`${from} → ${to} (the client reaches the server over LSP only)`);
        continue;
      }
      if (b.group === 'client') wrong.push(`${from} → ${to} (the server never imports the client)`);
      else if (b.layer > a.layer) wrong.push(`${from} → ${to} (upward: ${a.group} is below ${b.group})`);
      else if (b.layer === a.layer && !PEER_EDGES.some(([f, t]) => f === a.group && t === b.group)) wrong.push(`${from} → ${to} (peers ${a.group} and ${b.group} stay apart)`);
    }
    assert.deepEqual(wrong, []);
  });

  it('no rule imports another rule, and the shared fixes (rules/fixes/) import none', () => {
    const ruleFile = (id: string) => `server/src/rules/${id}.ts`;
    const rules = new Set(RULE_METAS.map((m) => ruleFile(m.id)));
    assert.ok(rules.size > 40 && [...rules].every((f) => graph.has(f)), 'every registered rule has its file');
    const importer = (f: string) => rules.has(f) || f.startsWith('server/src/rules/fixes/');
    const wrong = edges.filter((e) => importer(e.from) && rules.has(e.to)).map((e) => `${e.from} → ${e.to}`);
    assert.deepEqual(wrong, []);
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer, generated data aside`, () => {
    const files = ['server/src', 'client/src', 'shared/src'].flatMap((d) => allFiles(path.join(root, d))).map((f) => path.relative(root, f));
    const exempt = files.filter((f) => LONG_DATA.some((re) => re.test(f)));
    assert.ok(exempt.length >= 2, `the exemptions still name real files: ${exempt.join(', ')}`);
    assert.deepEqual(tooLong(files.filter((f) => !exempt.includes(f))), []);
  });

  it(`keeps every source file of the tooling (${TOOLING.join(', ')}) at ${MAX_LINES} lines or fewer`, () => {
    const files = TOOLING.flatMap((d) => allFiles(path.join(root, d)))
      .map((f) => path.relative(root, f))
      .filter((f) => TOOLING_SOURCE.test(f) && !f.endsWith('.d.ts'));
    // The scan reads the folders it names: the Go parser of the schema generator, the fuzzer's run, the harness.
    for (const known of ['scripts/schemas/go/parser.ts', 'test/fuzz/run.ts', 'test/e2e/lib/harness.mjs', 'bench/run.ts']) assert.ok(files.includes(known), `${known} is scanned`);
    assert.deepEqual(tooLong(files), []);
  });

  it('has no import cycle', () => {
    assert.deepEqual(cycles(), []);
  });
});
