/**
 * Completion and hover for `module` blocks: registry sources and versions, the inputs of a known module
 * (required first, with type and default), its outputs after `module.<name>.`, and a summary on its header.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import type { TemplateModule } from '../model/module';
import { moduleCall, ModuleCall, ModuleInterface } from '../model/moduleCalls';
import { allRegistryModules, registrySource } from '../schema';

type Input = { required: boolean; type?: string; default?: unknown; sensitive?: boolean };
import { code } from './schemaDocs';

function inputDetail(input: Input): string {
  return [input.type ?? 'any', input.required ? 'required' : 'optional', input.sensitive ? 'sensitive' : ''].filter(Boolean).join(' · ');
}

function defaultText(input: Input): string | undefined {
  if (input.required) return undefined;
  const text = JSON.stringify(input.default);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function inputMarkdown(target: ModuleInterface, name: string, input: Input): string {
  const parts = [`**${name}** · input of ${target.kind === 'local' ? 'the local module ' : ''}${code(target.name)} · ${code(input.type ?? 'any')} · ${input.required ? 'required' : 'optional'}`];
  const def = defaultText(input);
  if (def !== undefined) parts.push(`Default: ${code(def)}`);
  if (target.kind === 'registry' && target.url) parts.push(`[Module documentation](${target.url})`);
  return parts.join('\n\n');
}

/** Markdown for a module call: its source, what the index knows of it, its inputs and outputs. */
export function moduleMarkdown(call: ModuleCall): string {
  const target = call.target;
  if (!target) return `**module** ${code(call.name)}${call.source ? ` · ${code(call.source)}` : ''}`;
  const parts: string[] = [];
  const m = call.registry;
  if (m) {
    parts.push(`**module** ${code(call.name)} · ${m.display_name ? `${m.display_name} (${code(m.name)})` : code(m.name)} from Coder's registry`);
    parts.push(`Releases: ${m.versions.slice(0, 5).join(', ')}${m.versions.length > 5 ? ', …' : ''}${call.current ? '' : ` — the constraint ${code(call.version ?? '')} does not admit the newest, so the inputs below may differ for the release in use`}`);
  } else parts.push(`**module** ${code(call.name)} · the local module ${code(target.name)}`);
  const inputs = [...target.inputs].sort(([a, x], [b, y]) => Number(y.required) - Number(x.required) || a.localeCompare(b));
  parts.push(inputs.length ? `**Inputs**\n${inputs.map(([n, i]) => `- ${code(n)} · ${inputDetail(i)}${defaultText(i) !== undefined ? ` · default ${code(defaultText(i)!)}` : ''}`).join('\n')}` : 'No inputs.');
  parts.push(target.outputs.length ? `**Outputs**\n${target.outputs.map((o) => `- ${code(o)}`).join('\n')}` : 'No outputs.');
  if (m) parts.push(`[Module documentation](${m.url})`);
  return parts.join('\n\n');
}

/** The inputs of the module called by `module "<name>"` that are not set yet. */
export function moduleInputItems(module: TemplateModule, name: string, present: Set<string>, range: Range): CompletionItem[] {
  const target = moduleCall(module, name)?.target;
  if (!target) return [];
  return [...target.inputs]
    .filter(([n]) => !present.has(n))
    .map(([n, input]) => ({
      label: n,
      kind: CompletionItemKind.Property,
      detail: `${inputDetail(input)} · ${target.name} input`,
      documentation: { kind: MarkupKind.Markdown, value: inputMarkdown(target, n, input) },
      sortText: `${input.required ? 0 : 1}_${n}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, `${n} = ${inputSnippet(input)}`),
    }));
}

function inputSnippet(input: Input): string {
  const type = (input.type ?? 'any').replace(/\s+/g, '');
  if (type === 'string') return '"$1"';
  if (type === 'bool') return '${1|true,false|}';
  if (/^(list|set|tuple)\(/.test(type)) return '[$1]';
  if (/^(map|object)\(/.test(type)) return '{$1}';
  return '$1';
}

/** Values for `source = "…"`: the registry's modules. */
export function sourceItems(module: TemplateModule, range: Range, close: string): CompletionItem[] {
  return [...localSourceItems(module, range, close), ...registrySourceItems(range, close)];
}

/**
 * Folders of the template that hold `.tf` files, as `./path` (local modules first). Read from the folder
 * as `coder templates push` would upload it: a hidden folder, which the push leaves out, is never offered.
 */
function localSourceItems(module: TemplateModule, range: Range, close: string): CompletionItem[] {
  const entries = module.folder?.entries ?? [];
  const dirs = new Set<string>();
  for (const e of entries) {
    const slash = e.path.lastIndexOf('/');
    if (e.kind === 'file' && e.path.endsWith('.tf') && slash > 0 && !e.path.split('/').some((p) => p.startsWith('.'))) dirs.add(e.path.slice(0, slash));
  }
  return [...dirs].sort().map((d) => ({
    label: `./${d}`,
    kind: CompletionItemKind.Folder,
    detail: 'local module',
    sortText: `0_${d}`,
    textEdit: TextEdit.replace(range, `./${d}${close}`),
  }));
}

function registrySourceItems(range: Range, close: string): CompletionItem[] {
  return allRegistryModules().map((m) => ({
    label: registrySource(m),
    kind: CompletionItemKind.Module,
    detail: `${m.display_name ?? m.name}${m.versions[0] ? ` · ${m.versions[0]}` : ''}`,
    documentation: { kind: MarkupKind.Markdown, value: `[${m.name} on registry.coder.com](${m.url})` },
    filterText: `${m.name} ${registrySource(m)}`,
    sortText: `1_${m.name}`,
    textEdit: TextEdit.replace(range, registrySource(m) + close),
  }));
}

/** Values for `version = "…"`: a pessimistic constraint on the newest release first, then every release. */
export function versionItems(module: TemplateModule, name: string, range: Range, close: string): CompletionItem[] {
  const m = moduleCall(module, name)?.registry;
  if (!m?.versions.length) return [];
  const latest = m.versions[0]!;
  const pin = `~> ${latest.split('.').slice(0, 2).join('.')}`;
  return [pin, ...m.versions].map((v, i) => ({
    label: v,
    kind: CompletionItemKind.Value,
    detail: i === 0 ? `newest ${latest}, and later ${latest.split('.')[0]}.x releases` : i === 1 ? 'newest release' : undefined,
    sortText: String(i).padStart(4, '0'),
    textEdit: TextEdit.replace(range, v + close),
  }));
}

/** Outputs after `module.<name>.`. */
export function outputItems(module: TemplateModule, name: string, range: Range): CompletionItem[] {
  const target = moduleCall(module, name)?.target;
  return (target?.outputs ?? []).map((o) => ({ label: o, kind: CompletionItemKind.Field, detail: `output of ${target!.name}`, textEdit: TextEdit.replace(range, o) }));
}
