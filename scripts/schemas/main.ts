/**
 * `npm run schemas -- --from <folder of provider checkouts>`: writes one JSON file per provider release
 * into server/src/schema/data/ (see server/src/schema/format.ts), from the providers' own documentation
 * and Go sources at the releases `<folder>/MANIFEST.tsv` names. Prints what it read and every place where
 * the two sources disagree or the Go reading had to give up (`--report <file>` writes the details).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProviderSchemaFile, Removal, SchemaBlock, TypeSchema } from '../../server/src/schema/format';
import { share } from './dedupe';
import { docsTypes, goTypes, GoReport, ProviderTypes, readManifest, TypeEntry } from './inputs';
import { attributePaths, enrich } from './merge';
import { ProviderRecipe, RECIPES } from './providers';
import { KNOWN_REMOVALS } from './removals';

/** Types the Go package does not define because they are written with the plugin framework elsewhere in the repository; their pages are all there is. */
const FRAMEWORK_TYPES: Record<string, { resources: string[]; data: string[] }> = {
  kubernetes: { resources: ['kubernetes_manifest', 'kubernetes_validating_admission_policy'], data: ['kubernetes_resource', 'kubernetes_resources'] },
};

interface Built {
  file: ProviderSchemaFile;
  types: ProviderTypes;
  report: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const from = arg('--from');
  if (!from) {
    console.error('usage: npm run schemas -- --from <folder with MANIFEST.tsv and the provider checkouts> [--out <folder>] [--report <file>]');
    process.exit(2);
  }
  const out = resolve(arg('--out') ?? join(__dirname, '..', '..', 'server', 'src', 'schema', 'data'));
  mkdirSync(out, { recursive: true });
  const built = new Map<string, Built>();
  const report: string[] = [];
  for (const row of readManifest(from)) {
    const m = /^terraform-provider-(\w+)-v(\d+\.\d+\.\d+)$/.exec(row.folder);
    if (!m || !(m[1]! in RECIPES)) continue;
    const name = m[1] as ProviderRecipe['name'];
    const recipe: ProviderRecipe = { name, ...RECIPES[name] };
    const b = build(recipe, m[2]!, join(from, row.folder), row);
    built.set(`${name}@${m[2]}`, b);
    report.push(`## ${name} ${m[2]}`, ...b.report, '');
  }
  addComparedRemovals(built);
  for (const [key, b] of built) {
    const target = join(out, `${key.replace('@', '-')}.json`);
    writeFileSync(target, `${JSON.stringify(share(b.file))}\n`);
    const types = Object.keys(b.file.resource_schemas).length + Object.keys(b.file.data_source_schemas).length;
    console.log(`${key}: ${Object.keys(b.file.resource_schemas).length} resources, ${Object.keys(b.file.data_source_schemas).length} data sources (${types} types), ${countPaths(b)} attribute and block paths → ${target}`);
    for (const line of b.report.filter((l) => l.startsWith('summary:'))) console.log(`  ${line}`);
  }
  const reportFile = arg('--report');
  if (reportFile) writeFileSync(reportFile, `${report.join('\n')}\n`);
}

/** Attribute paths plus block paths of every type (the figure test/unit/schema.data.test.ts pins). */
function countPaths(b: Built): number {
  let n = 0;
  for (const map of [b.types.resources, b.types.data]) for (const t of map.values()) n += attributePaths(t.block).length + blockPaths(t.block).length;
  return n;
}

function build(recipe: ProviderRecipe, version: string, dir: string, row: { repository: string; ref: string; commit: string }): Built {
  const docs = docsTypes(dir, recipe.name);
  const report: string[] = [];
  const differences: string[] = [];
  let types: ProviderTypes = docs;
  let structure: ProviderSchemaFile['generated_from']['structure'] = 'docs';
  const unchecked = new Set<string>();
  let go: { types: ProviderTypes; report: GoReport } | undefined;
  try {
    go = recipe.goDir ? goTypes(dir, recipe, version) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (go) {
    const framework = FRAMEWORK_TYPES[recipe.name] ?? { resources: [], data: [] };
    const joinKind = (kind: 'resources' | 'data', label: string) => {
      const result = new Map<string, TypeEntry>();
      const fromDocs = docs[kind];
      const fromGo = go!.types[kind];
      if (recipe.structure === 'docs') {
        for (const [name, entry] of fromDocs) {
          const g = fromGo.get(name);
          if (g) {
            enrich(entry.block, g.block, `${label}.${name}`, differences);
            result.set(name, { ...entry, deprecated: g.deprecated, replacedBy: g.replacedBy });
          } else result.set(name, entry);
        }
        for (const [name, g] of fromGo) if (!result.has(name)) {
          differences.push(`${label}.${name}: a type in Go without a page`);
          result.set(name, g);
        }
      } else {
        for (const [name, g] of fromGo) {
          const d = fromDocs.get(name);
          if (d) enrich(structuredClone(d.block), g.block, `${label}.${name}`, differences);
          result.set(name, g);
        }
        for (const [name, d] of fromDocs) {
          if (result.has(name)) continue;
          if (framework[kind].includes(name)) {
            result.set(name, d);
            unchecked.add(`${label}:${name}`);
          } else report.push(`dropped ${label}.${name}: a page without a type in the provider (a stale page)`);
        }
      }
      return result;
    };
    types = { resources: joinKind('resources', 'resource'), data: joinKind('data', 'data'), provider: recipe.structure === 'docs' && docs.provider ? docs.provider : go.types.provider };
    if (recipe.structure === 'docs' && docs.provider && go.types.provider) enrich(docs.provider, go.types.provider, 'provider', differences);
    structure = recipe.structure === 'docs' ? 'docs' : 'go+docs';
    report.push(...go.report.parseFailures.map((x) => `Go parse: ${x}`), ...go.report.warnings.map((x) => `Go evaluation: ${x}`), ...go.report.problems.map((x) => `SDK reading: ${x}`));
    const unread = [...go.report.unread].sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n} ×${c}`);
    report.push(`validators not read: ${unread.join(', ') || 'none'}`);
    report.push(`summary: ${differences.length} differences between the pages and Go, ${go.report.warnings.length} evaluation warnings, ${go.report.problems.length} SDK problems, ${go.report.parseFailures.length} parse failures`);
  }
  report.push(...differences.map((d) => `difference: ${d}`));
  // terraform-plugin-sdk gives every resource and data source an optional, computed `id` (its pages list
  // it as read-only); plugin-framework types declare their own. Setting it is accepted, so it is not
  // read-only to Terraform.
  const sdkTypes = go ? new Set([...go.types.resources.keys()].map((n) => `resource:${n}`).concat([...go.types.data.keys()].map((n) => `data:${n}`))) : undefined;
  for (const [kind, map] of [['resource', types.resources], ['data', types.data]] as const) {
    for (const [name, entry] of map) {
      const id = entry.block.attributes?.id;
      if (id?.computed && !id.optional && !id.required && (!sdkTypes || sdkTypes.has(`${kind}:${name}`))) id.optional = true;
    }
  }
  const toSchemas = (map: Map<string, TypeEntry>, kind: string): Record<string, TypeSchema> => {
    const out: Record<string, TypeSchema> = {};
    for (const name of [...map.keys()].sort()) {
      const entry = map.get(name)!;
      const t: TypeSchema = { block: entry.block };
      if (entry.deprecated) t.deprecated = true;
      if (entry.replacedBy) t.replaced_by = entry.replacedBy;
      if (unchecked.has(`${kind}:${name}`)) t.unchecked = true;
      out[name] = t;
    }
    return out;
  };
  const file: ProviderSchemaFile = {
    format_version: 1,
    provider: { name: recipe.name, source: recipe.source, version, docs: `https://registry.terraform.io/providers/${recipe.source}/${version}/docs` },
    generated_from: { repository: row.repository, ref: row.ref, commit: row.commit, structure },
    provider_config: types.provider ?? {},
    resource_schemas: toSchemas(types.resources, 'resource'),
    data_source_schemas: toSchemas(types.data, 'data'),
    blocks: {},
  };
  const known = KNOWN_REMOVALS[recipe.name];
  if (known) file.removals = [...known];
  return { file, types, report };
}

/** For a provider with two bundled releases: what the newer one no longer has. */
function addComparedRemovals(built: Map<string, Built>): void {
  const byProvider = new Map<string, Array<[string, Built]>>();
  for (const [key, b] of built) {
    const [name, version] = key.split('@') as [string, string];
    byProvider.set(name, [...(byProvider.get(name) ?? []), [version, b]]);
  }
  for (const releases of byProvider.values()) {
    releases.sort((a, b) => a[0].localeCompare(b[0], undefined, { numeric: true }));
    for (let i = 1; i < releases.length; i++) {
      const [olderVersion, older] = releases[i - 1]!;
      const [, newer] = releases[i]!;
      const removals: Removal[] = [];
      for (const [kind, label] of [['resources', 'resource'], ['data', 'data']] as const) {
        for (const [name, entry] of older.types[kind]) {
          const now = newer.types[kind].get(name);
          if (!now) {
            removals.push({ path: `${label}.${name}`, last_seen: olderVersion });
            continue;
          }
          const current = new Set(attributePaths(now.block).concat(blockPaths(now.block)));
          const gone: string[] = [];
          for (const p of attributePaths(entry.block).concat(blockPaths(entry.block)).sort()) {
            // A removed block takes its contents with it: list the block only.
            if (!current.has(p) && !gone.some((g) => p.startsWith(`${g}.`))) gone.push(p);
          }
          for (const p of gone) removals.push({ path: `${label}.${name}.${p}`, last_seen: olderVersion });
        }
      }
      newer.file.removals = [...(newer.file.removals ?? []), ...removals];
    }
  }
}

function blockPaths(block: SchemaBlock, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, b] of Object.entries(block.block_types ?? {})) out.push(prefix + name, ...blockPaths(b.block as SchemaBlock, `${prefix}${name}.`));
  return out;
}

main();
