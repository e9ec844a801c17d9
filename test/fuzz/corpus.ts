import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { METHODS } from '../../server/src/model/methodCatalog';
import { renderScaffold } from '../../server/src/scaffold/render';
import { CUSTOM_PARAMETERS } from '../helpers/scaffoldCases';

export interface Seed {
  /** Where it came from, e.g. `scaffold:envbox (defaults)` or `rules/undefined-reference.test.ts#3`. */
  name: string;
  text: string;
}

export const ROOT = path.resolve(__dirname, '..', '..');
export const REGRESSIONS_DIR = path.join(__dirname, 'regressions');

function filesUnder(dir: string, suffix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, suffix));
    else if (name.endsWith(suffix)) out.push(full);
  }
  return out;
}

/** Every rendered scaffold: each method with its defaults and with the custom parameters of the scaffold tests. */
function scaffoldSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const method of METHODS) {
    for (const [variant, parameters] of [['defaults', {}], ['custom', CUSTOM_PARAMETERS[method.id] ?? {}]] as const) {
      const result = renderScaffold({ method: method.id, parameters });
      if (result.errors) throw new Error(`fuzz corpus: scaffold ${method.id} (${variant}) does not render: ${JSON.stringify(result.errors)}`);
      for (const file of result.files) if (file.path.endsWith('.tf')) seeds.push({ name: `scaffold:${method.id} (${variant})/${file.path}`, text: file.content });
    }
  }
  return seeds;
}

/**
 * The module texts of the rule tests (`files:` and `output:` of every case in test/rules/*.test.ts),
 * read with the TypeScript parser and evaluated with the file's top-level string constants in scope,
 * so that new rule tests feed the fuzzer without anyone listing them.
 */
export function ruleTestSeeds(file: string): Seed[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const constants: string[] = [];
  const stringy = (e: ts.Expression): boolean =>
    ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e) ||
    (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken && stringy(e.left) && stringy(e.right)) ||
    ts.isIdentifier(e);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && stringy(d.initializer)) constants.push(`const ${d.name.text} = ${d.initializer.getText(source)};`);
    }
  }
  const prelude = constants.join('\n');
  const texts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'files' || node.name.text === 'output')) {
      let value: unknown;
      try {
        value = new Function(`${prelude}\nreturn (${node.initializer.getText(source)});`)();
      } catch {
        value = undefined;
      }
      if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object') texts.push(...Object.values(value).filter((v): v is string => typeof v === 'string'));
      else {
        // Not evaluable alone (helper calls, spreads): take its plain string pieces.
        const pieces = (n: ts.Node): void => {
          if ((ts.isNoSubstitutionTemplateLiteral(n) || ts.isStringLiteral(n)) && /[{\n]/.test(n.text)) texts.push(n.text);
          n.forEachChild(pieces);
        };
        pieces(node.initializer);
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  const rel = path.relative(path.join(ROOT, 'test'), file);
  return [...new Set(texts)].map((text, i) => ({ name: `${rel}#${i + 1}`, text }));
}

/** The saved failing mutants (replayed by regressions.test.ts). */
export function regressionSeeds(): Array<{ name: string; bytes: Buffer }> {
  return filesUnder(REGRESSIONS_DIR, '.tf').map((f) => ({ name: `regressions/${path.basename(f)}`, bytes: readFileSync(f) }));
}

export interface Corpus {
  seeds: Seed[];
  /** Seeds per source, for the report. */
  sources: Record<string, number>;
}

/** Every fixture and scaffold: the seeds the mutators start from, in a stable order. */
export function loadCorpus(): Corpus {
  const sources: Record<string, number> = {};
  const seeds: Seed[] = [];
  const add = (source: string, list: Seed[]) => {
    sources[source] = (sources[source] ?? 0) + list.length;
    seeds.push(...list.filter((s) => s.text.length > 0));
  };
  add('scaffolds', scaffoldSeeds());
  for (const file of filesUnder(path.join(ROOT, 'test', 'rules'), '.test.ts')) add('rule tests', ruleTestSeeds(file));
  const tfFiles = (dir: string, source: string) =>
    add(source, filesUnder(path.join(ROOT, dir), '.tf').map((f) => ({ name: path.relative(ROOT, f), text: readFileSync(f, 'utf8') })));
  tfFiles('test/fuzz/corpus', 'Coder docs examples');
  tfFiles('test/e2e/fixtures', 'e2e fixtures');
  tfFiles('test/grammar', 'grammar tests');
  tfFiles('examples', 'examples');
  // Saved regressions are not seeds: regressions.test.ts replays each exactly, and mutating them again
  // mostly finds the same failure again, slowly (they are 100,000-character lines and 5,000-deep nests).
  return { seeds, sources };
}
