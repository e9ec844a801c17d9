/** Reads one provider checkout: its documentation pages and, when the release ships it, its Go package. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SchemaBlock } from '../../server/src/schema/format';
import { parseSchemaSection } from './docs';
import { GoPackage } from './go/evaluator';
import { parseGoFile } from './go/parser';
import { GoMap, GoStruct, GoSymbol, Value } from './go/values';
import type { ProviderRecipe } from './providers';
import { resourceBlock, SdkContext } from './sdk';

export interface ManifestRow {
  folder: string;
  repository: string;
  ref: string;
  commit: string;
}

export function readManifest(from: string): ManifestRow[] {
  const lines = readFileSync(join(from, 'MANIFEST.tsv'), 'utf8').split('\n').filter((l) => l.trim());
  const [header, ...rows] = lines.map((l) => l.split('\t'));
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => ({ folder: r[col('folder')]!, repository: r[col('repository')]!, ref: r[col('ref')]!, commit: r[col('commit')]! }));
}

export interface TypeEntry {
  block: SchemaBlock;
  deprecated?: boolean;
  replacedBy?: string;
}

export interface ProviderTypes {
  resources: Map<string, TypeEntry>;
  data: Map<string, TypeEntry>;
  provider?: SchemaBlock;
}

/** The types the documentation pages describe (`docs/resources/x.md` is `<provider>_x`). */
export function docsTypes(dir: string, provider: string): ProviderTypes {
  const read = (sub: string) => {
    const out = new Map<string, TypeEntry>();
    const folder = join(dir, 'docs', sub);
    if (!existsSync(folder)) return out;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
      const name = basename(file, '.md');
      const type = name.startsWith(`${provider}_`) ? name : `${provider}_${name}`;
      const block = parseSchemaSection(readFileSync(join(folder, file), 'utf8'), `${sub}/${file}`);
      if (block) out.set(type, { block });
    }
    return out;
  };
  const index = join(dir, 'docs', 'index.md');
  const provider_ = existsSync(index) ? parseSchemaSection(readFileSync(index, 'utf8'), 'index.md') : undefined;
  return { resources: read('resources'), data: read('data-sources'), provider: provider_ };
}

export interface GoReport {
  warnings: string[];
  problems: string[];
  unread: Map<string, number>;
  parseFailures: string[];
}

/** The types the Go package's `schema.Provider` defines, converted as terraform-plugin-sdk converts them. */
export function goTypes(dir: string, recipe: ProviderRecipe, version: string): { types: ProviderTypes; report: GoReport } {
  const folder = join(dir, recipe.goDir!);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    .sort()
    .map((f) => parseGoFile(f, readFileSync(join(folder, f), 'utf8')));
  const pkg = new GoPackage(files, recipe.constants);
  const ctx: SdkContext = { named: recipe.validators, unread: new Map(), problems: [], resolve: (name) => pkg.evaluate({ k: 'ident', name }) };
  const provider = recipe.provider!(pkg, version);
  if (!(provider instanceof GoStruct)) throw new Error(`${recipe.name}: the provider function gave no schema.Provider`);
  const convert = (field: string, kind: string) => {
    const out = new Map<string, TypeEntry>();
    const map = provider.fields.get(field);
    if (!(map instanceof GoMap)) return out;
    for (const [name, resource] of map.entries) {
      if (typeof name !== 'string') continue;
      const entry: TypeEntry = { block: resourceBlock(resource, `${kind}.${name}`, ctx) };
      const message = resource instanceof GoStruct ? resource.fields.get('DeprecationMessage') : undefined;
      if (deprecated(message)) {
        entry.deprecated = true;
        const replacement = typeof message === 'string' ? /\b(?:use|Use) (\w+)/.exec(message)?.[1] : undefined;
        if (replacement) entry.replacedBy = replacement;
      }
      out.set(name, entry);
    }
    return out;
  };
  const providerSchema = new GoStruct('schema.Resource');
  providerSchema.fields.set('Schema', provider.fields.get('Schema'));
  const types: ProviderTypes = {
    resources: convert('ResourcesMap', 'resource'),
    data: convert('DataSourcesMap', 'data'),
    provider: resourceBlock(providerSchema, 'provider', ctx, false),
  };
  return {
    types,
    report: { warnings: pkg.warnings, problems: ctx.problems, unread: ctx.unread, parseFailures: files.flatMap((f) => f.failures.map((x) => `${f.path}: ${x}`)) },
  };
}

function deprecated(v: Value): boolean {
  return (typeof v === 'string' && v !== '') || v instanceof GoSymbol;
}
