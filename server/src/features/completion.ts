import {
  Command,
  CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  TextEdit,
} from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { Declaration } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { detectMethod } from '../model/method';
import { Container, templateFacts } from '../model/containers';
import type { Position } from '../model/text';
import {
  allResourceSchemas,
  attributeSchema,
  AttributeSchema,
  BlockSchema,
  envVarDoc,
  knownMapKeys,
  knownValues,
  KnownValue,
  metaArguments,
  providerInfo,
  ProviderName,
  referenceableAttributes,
  resourceSchema,
  ResourceSchema,
  SchemaKind,
  settableAttributes,
} from '../schema';
import { methodById } from '../scaffold/methods';
import { isReferenceName } from '../model/syntax';
import { BlockFrame, cursorContext, CursorContext, schemaPath } from './cursor';
import {
  attributeDetail,
  attributeMarkdown,
  blockMarkdown,
  envMarkdown,
  mapKeyMarkdown,
  resourceMarkdown,
  valueMarkdown,
} from './schemaDocs';
import { LANGUAGE_BLOCKS, languageBlock, PROVIDER_VERSION_HINTS, resourceBlockSchema } from './terraformLanguage';

/**
 * Context-aware completion from the text and tree around the cursor. Everything comes from memory: the
 * schema tables, the open module's index and the method detection already computed for it.
 */
export function completion(file: TfFile, module: TemplateModule, position: Position, triggerCharacter?: string): CompletionItem[] {
  const offset = file.offsetAt(position);
  const ctx = cursorContext(file, offset);
  const c = new Completer(file, module, ctx);
  const p = ctx.position;
  switch (p.kind) {
    case 'body':
      return triggerCharacter ? [] : c.body(p.wordStart);
    case 'label':
      return triggerCharacter && triggerCharacter !== '"' ? [] : c.label(p.blockType, p.index, p.contentStart);
    case 'expression':
      return c.expression(p.attribute, p.inTuple, p.inInterpolation, triggerCharacter);
    case 'string':
      return triggerCharacter && triggerCharacter !== '"' ? [] : c.stringValue(p.attribute, p.inTuple, p.contentStart);
    case 'mapKey':
      return triggerCharacter && triggerCharacter !== '"' ? [] : c.mapKey(p.attribute, p.inString, p.wordStart);
    case 'none':
      return [];
  }
}

interface Target {
  kind: SchemaKind;
  type: string;
  path: string[];
}

const TRIGGER_SUGGEST: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
const TRAVERSAL = /(?:^|[^\w.\-\]])([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\.\d+|\.\*|\[[^[\]\n]*\])*)\.([A-Za-z_][\w-]*)?$/;
const WORD_BEFORE = /[A-Za-z0-9_-]*$/;

const BUILTIN_REFERENCES: Record<string, Array<[string, string]>> = {
  count: [['index', 'Index of this instance (0-based) when the resource sets `count`.']],
  each: [
    ['key', 'Key of this instance when the resource sets `for_each`.'],
    ['value', 'Value of this instance when the resource sets `for_each`.'],
  ],
  path: [
    ['module', 'Folder of this module.'],
    ['root', 'Folder of the root module.'],
    ['cwd', 'Working directory Terraform runs in.'],
  ],
  terraform: [['workspace', 'Name of the Terraform workspace (Coder uses the default one).']],
};

class Completer {
  private readonly text: string;

  constructor(
    private readonly file: TfFile,
    private readonly module: TemplateModule,
    private readonly ctx: CursorContext,
  ) {
    this.text = file.text;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private get innermost(): BlockFrame | undefined {
    return this.ctx.blocks[this.ctx.blocks.length - 1];
  }

  /** The resource or data source the cursor is in, and the nested block path. */
  private target(): Target | undefined {
    const outer = this.ctx.blocks[0];
    if (!outer || (outer.type !== 'resource' && outer.type !== 'data') || !outer.labels[0]) return undefined;
    return { kind: outer.type, type: outer.labels[0], path: schemaPath(this.ctx.blocks) };
  }

  private wordEnd(offset: number): number {
    let end = offset;
    while (end < this.text.length && /[A-Za-z0-9_-]/.test(this.text[end]!)) end++;
    return end;
  }

  private range(start: number, end: number = this.wordEnd(this.ctx.offset)) {
    return this.file.rangeOfOffsets(start, end);
  }

  private restOfLine(): string {
    const end = this.text.indexOf('\n', this.ctx.offset);
    return this.text.slice(this.ctx.offset, end < 0 ? this.text.length : end).replace(/\r$/, '');
  }

  private method() {
    const detected = detectMethod(this.module);
    return detected ? { id: detected.id, title: methodById(detected.id)?.title ?? detected.id } : undefined;
  }

  /** The container block the cursor is in, from the last successful analysis of the module. */
  private container(): Container | undefined {
    const offset = this.ctx.offset;
    return templateFacts(this.module).containers.find(
      (c) => c.file === this.file && c.block.node.startIndex <= offset && offset <= c.block.node.endIndex,
    );
  }

  // ---- block bodies ------------------------------------------------------------------------------

  body(wordStart: number): CompletionItem[] {
    const range = this.range(wordStart);
    const frame = this.innermost;
    if (!frame) return LANGUAGE_BLOCKS.map((b) => languageItem(b.schema, b.snippet, range, b.retrigger));
    const target = this.target();
    if (target) {
      const schema = resourceBlockSchema(target.kind, target.type, target.path);
      if (!schema) return [];
      const items = bodyItems(schema, frame.present, range, target);
      if (target.path.length === 0) {
        const meta = target.kind === 'resource' ? metaArguments : { ...metaArguments, blocks: [] };
        for (const item of bodyItems(meta, frame.present, range)) items.push({ ...item, sortText: `3_${item.label}`, detail: `${item.detail} · meta-argument` });
      }
      return items;
    }
    const outer = this.ctx.blocks[0]!;
    if (outer.type === 'terraform' && frame.type === 'required_providers') return this.requiredProviders(frame, range);
    const language = languageBlock(outer.type);
    if (!language) return [];
    let schema: BlockSchema | undefined = language.schema;
    for (const b of this.ctx.blocks.slice(1)) schema = schema?.blocks.find((n) => n.name === b.type);
    return schema ? bodyItems(schema, frame.present, range) : [];
  }

  private requiredProviders(frame: BlockFrame, range: ReturnType<Completer['range']>): CompletionItem[] {
    const names: ProviderName[] = ['coder', 'docker', 'kubernetes'];
    return names
      .filter((name) => !frame.present.has(name))
      .flatMap((name) => {
        const info = providerInfo(name);
        if (!info) return [];
        const version = PROVIDER_VERSION_HINTS[name] ?? '';
        return [
          {
            label: name,
            kind: CompletionItemKind.Module,
            detail: info.source,
            documentation: { kind: MarkupKind.Markdown, value: `${info.description}\n\n[Documentation](${info.docsUrl})` },
            insertTextFormat: InsertTextFormat.Snippet,
            textEdit: TextEdit.replace(range, `${name} = {\n\tsource  = "${info.source}"\n\tversion = "${version ? `\${1:${snippetEscape(version)}}` : '$1'}"\n}`),
          },
        ];
      });
  }

  // ---- labels ----------------------------------------------------------------------------------

  label(blockType: string, index: number, contentStart: number): CompletionItem[] {
    if (this.ctx.blocks.length > 0 || index !== 0) return [];
    if (blockType === 'provider') {
      return (['coder', 'docker', 'kubernetes'] as const).map((name) => ({
        label: name,
        kind: CompletionItemKind.Module,
        detail: providerInfo(name)?.source,
        textEdit: TextEdit.replace(this.range(contentStart), name),
      }));
    }
    if (blockType !== 'resource' && blockType !== 'data') return [];
    const rest = this.restOfLine();
    const afterWord = rest.slice(this.wordEnd(this.ctx.offset) - this.ctx.offset);
    // Only the type when the header already goes on; the whole block when the line ends here.
    const wholeBlock = /^"?\s*$/.test(afterWord);
    const end = this.wordEnd(this.ctx.offset) + (wholeBlock && afterWord.startsWith('"') ? 1 : 0);
    const closed = /^[^"\n]*"/.test(afterWord);
    return allResourceSchemas(blockType).map((schema) => {
      const newText = wholeBlock
        ? `${schema.name}" "\${1:${blockType === 'data' ? 'me' : 'main'}}" {\n${bodySnippet(schema, 1, { next: 2 })}\t$0\n}`
        : `${schema.name}${closed ? '' : '"'}`;
      return {
        label: schema.name,
        kind: CompletionItemKind.Class,
        detail: `${schema.kind === 'data' ? 'data source' : 'resource'} · ${providerInfo(schema.provider)?.source ?? schema.provider}`,
        documentation: { kind: MarkupKind.Markdown, value: resourceMarkdown(schema) },
        tags: schema.deprecated ? [CompletionItemTag.Deprecated] : undefined,
        sortText: `${schema.deprecated ? 1 : 0}_${schema.name}`,
        insertTextFormat: wholeBlock ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: TextEdit.replace(this.range(contentStart, end), newText),
      };
    });
  }

  // ---- expressions -------------------------------------------------------------------------------

  expression(attribute: string | undefined, inTuple: boolean, inInterpolation: boolean, trigger?: string): CompletionItem[] {
    const lineStart = this.text.lastIndexOf('\n', this.ctx.offset - 1) + 1;
    const before = this.text.slice(Math.max(lineStart, this.ctx.offset - 500), this.ctx.offset);
    const traversal = TRAVERSAL.exec(before);
    if (traversal) {
      if (trigger && trigger !== '.') return [];
      const steps = [...(traversal[2] ?? '').matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!);
      const partial = traversal[3] ?? '';
      return this.references(traversal[1]!, steps, this.range(this.ctx.offset - partial.length));
    }
    if (trigger === '.' || trigger === '"') return [];
    const word = WORD_BEFORE.exec(before)?.[0] ?? '';
    const start = this.ctx.offset - word.length;
    const range = this.range(start);
    const space = this.text[start - 1] === '=' ? ' ' : '';
    const items: CompletionItem[] = [];
    const target = this.target();
    if (attribute && target && !inInterpolation) {
      const schema = resourceBlockSchema(target.kind, target.type, target.path);
      const a = schema?.attributes.find((x) => x.name === attribute);
      if (a?.type === 'bool') {
        for (const v of ['true', 'false']) items.push({ label: v, kind: CompletionItemKind.Value, sortText: `0_${v}`, textEdit: TextEdit.replace(range, space + v) });
      }
      const values = this.values(target, attribute, inTuple);
      for (const [i, v] of values.entries()) {
        items.push({
          ...this.valueItem(v, i),
          label: `"${v.value}"`,
          filterText: `"${v.value}"`,
          textEdit: TextEdit.replace(range, `${space}"${v.value}"`),
        });
      }
    }
    if (trigger === '=') return items;
    for (const root of this.referenceRoots()) items.push({ ...root, sortText: `5_${root.label}`, textEdit: TextEdit.replace(range, space + root.label) });
    return items;
  }

  private referenceRoots(): CompletionItem[] {
    const roots: CompletionItem[] = [
      { label: 'var', kind: CompletionItemKind.Keyword, detail: 'input variables' },
      { label: 'local', kind: CompletionItemKind.Keyword, detail: 'local values' },
      { label: 'data', kind: CompletionItemKind.Keyword, detail: 'data sources' },
      { label: 'module', kind: CompletionItemKind.Keyword, detail: 'module outputs' },
    ];
    const types = new Set(this.module.resources().map((d) => d.resourceType ?? ''));
    for (const type of [...types].filter(isReferenceName).sort()) roots.push({ label: type, kind: CompletionItemKind.Class, detail: 'resource type in this module' });
    return roots;
  }

  private references(root: string, steps: string[], range: ReturnType<Completer['range']>): CompletionItem[] {
    // Each name is inserted after a `.`; a label may hold any string (`variable "\uFFFDme"`), but only an
    // identifier parses there, so a label that is none is not offered.
    const declared = (kind: 'variable' | 'local' | 'module', itemKind: CompletionItemKind) =>
      this.module.declarationsOf(kind).filter((d) => isReferenceName(d.name)).map((d) => ({
        label: d.name,
        kind: itemKind,
        detail: declarationDetail(d),
        documentation: { kind: MarkupKind.Markdown, value: `Declared in ${baseName(d.file.path)} line ${d.file.positionAt(d.node.startIndex).line + 1}` },
        textEdit: TextEdit.replace(range, d.name),
      }));
    const namesOf = (kind: 'resource' | 'data', type: string) =>
      [...new Set(this.module.declarationsOf(kind).filter((d) => d.resourceType === type).map((d) => d.name.slice(type.length + 1)))].filter(isReferenceName).map((name) => ({
        label: name,
        kind: CompletionItemKind.Reference,
        detail: `${kind === 'data' ? 'data.' : ''}${type}.${name}`,
        textEdit: TextEdit.replace(range, name),
      }));
    const attributesOf = (kind: SchemaKind, type: string): CompletionItem[] =>
      referenceableAttributes(kind, type)
        .slice()
        .sort((a, b) => Number(!!b.computed) - Number(!!a.computed) || a.name.localeCompare(b.name))
        .map((a, i) => ({
          label: a.name,
          kind: CompletionItemKind.Field,
          detail: attributeDetail(a),
          documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(a) },
          tags: a.deprecated ? [CompletionItemTag.Deprecated] : undefined,
          sortText: `${a.deprecated ? 1 : 0}_${String(i).padStart(3, '0')}`,
          textEdit: TextEdit.replace(range, a.name),
        }));
    switch (root) {
      case 'var':
        return steps.length === 0 ? declared('variable', CompletionItemKind.Variable) : [];
      case 'local':
        return steps.length === 0 ? declared('local', CompletionItemKind.Variable) : [];
      case 'module':
        return steps.length === 0 ? declared('module', CompletionItemKind.Module) : [];
      case 'data': {
        if (steps.length === 0) {
          const types = [...new Set(this.module.dataSources().map((d) => d.resourceType ?? ''))].filter(isReferenceName).sort();
          return types.map((type) => ({
            label: type,
            kind: CompletionItemKind.Class,
            detail: 'data source type',
            documentation: docOf(resourceSchema('data', type)),
            textEdit: TextEdit.replace(range, type),
          }));
        }
        if (steps.length === 1) return namesOf('data', steps[0]!);
        if (steps.length === 2) return attributesOf('data', steps[0]!);
        return [];
      }
      default: {
        const builtin = BUILTIN_REFERENCES[root];
        if (builtin) {
          return steps.length === 0
            ? builtin.map(([label, doc]) => ({ label, kind: CompletionItemKind.Property, documentation: doc, textEdit: TextEdit.replace(range, label) }))
            : [];
        }
        if (steps.length === 0) return namesOf('resource', root);
        if (steps.length === 1) return attributesOf('resource', root);
        return [];
      }
    }
  }

  // ---- strings -----------------------------------------------------------------------------------

  /** Known values of the attribute; for a list or set attribute they are element values, offered inside `[…]` only. */
  private values(target: Target, attribute: string, inTuple: boolean): KnownValue[] {
    const type = attributeSchema(target.kind, target.type, target.path, attribute)?.type ?? '';
    const isCollection = type.startsWith('list') || type.startsWith('set');
    if (isCollection !== inTuple) return [];
    return knownValues(target.kind, target.type, target.path, attribute);
  }

  private valueItem(v: KnownValue, index: number): CompletionItem {
    const method = this.method();
    const fits = !!method && !!v.methods?.includes(method.id);
    return {
      label: v.value,
      kind: CompletionItemKind.EnumMember,
      detail: fits ? `fits this template (${method!.title})` : v.methods?.length ? `for ${v.methods.join(', ')}` : undefined,
      documentation: { kind: MarkupKind.Markdown, value: valueMarkdown(v, (id) => methodById(id)?.title ?? id) },
      sortText: `${fits ? 0 : 1}_${String(index).padStart(3, '0')}`,
      preselect: fits || undefined,
    };
  }

  stringValue(attribute: string, inTuple: boolean, contentStart: number): CompletionItem[] {
    const target = this.target();
    if (!target) return [];
    const typed = this.text.slice(contentStart, this.ctx.offset);
    const closed = /^[^"\n]*"/.test(this.restOfLine());
    const close = closed ? '' : '"';
    const end = closed ? this.ctx.offset + (this.restOfLine().indexOf('"') >= 0 ? this.restOfLine().indexOf('"') : 0) : this.ctx.offset;
    const range = this.range(contentStart, end);
    const dockerEnv = target.type === 'docker_container' && attribute === 'env' && inTuple;
    const kubernetesEnv = attribute === 'name' && target.path[target.path.length - 1] === 'env';
    if (dockerEnv && typed.includes('=')) return [];
    if (dockerEnv || kubernetesEnv) return this.envNames(target, attribute, range, dockerEnv ? '=' : '', close);
    return this.values(target, attribute, inTuple).map((v, i) => ({
      ...this.valueItem(v, i),
      textEdit: TextEdit.replace(range, v.value + close),
    }));
  }

  private envNames(target: Target, attribute: string, range: ReturnType<Completer['range']>, suffix: string, close: string): CompletionItem[] {
    const container = this.container();
    const envbox = container ? container.isEnvbox : this.method()?.id === 'envbox';
    const set = new Set(container?.env.map((e) => e.name) ?? []);
    const names = knownValues(target.kind, target.type, target.path, attribute).map((v) => (suffix ? v.value.replace(/=$/, '') : v.value));
    return names
      .filter((name) => !set.has(name))
      .map((name, i) => {
        const doc = envVarDoc(name, envbox ? 'envbox' : undefined)!;
        const preferred = envbox ? doc.usedBy === 'envbox' : doc.usedBy !== 'envbox';
        return {
          label: name,
          kind: CompletionItemKind.Constant,
          detail: `${doc.usedBy}${doc.required ? ' · required' : ''}`,
          documentation: { kind: MarkupKind.Markdown, value: envMarkdown(doc) },
          sortText: `${preferred ? (doc.required ? 0 : 1) : 2}_${String(i).padStart(3, '0')}`,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: TextEdit.replace(range, `${name}${suffix}$0${close}`),
        };
      });
  }

  mapKey(attribute: string, inString: boolean, wordStart: number): CompletionItem[] {
    const target = this.target();
    if (!target) return [];
    const keys = knownMapKeys(target.kind, target.type, target.path, attribute);
    const containers = templateFacts(this.module)
      .containers.filter((c) => c.platform === 'kubernetes' && c.resource.name === `${target.type}.${this.ctx.blocks[0]?.labels[1]}`)
      .map((c) => c.name)
      .filter((n): n is string => !!n);
    const rest = this.restOfLine();
    const quote = rest.indexOf('"');
    const closed = inString && quote >= 0;
    const valueFollows = closed && /^\s*[=:]/.test(rest.slice(quote + 1));
    const end = closed && !valueFollows ? this.ctx.offset + quote + 1 : inString ? this.ctx.offset : this.wordEnd(this.ctx.offset);
    const range = this.range(wordStart, end);
    const method = this.method();
    return keys.flatMap((k, i) => {
      const variants = k.containerPlaceholder
        ? containers.length
          ? containers.map((name) => ({ key: k.key.replace('<container>', name), snippet: k.key.replace('<container>', name) }))
          : [{ key: k.key, snippet: k.key.replace('<container>', '${1:dev}') }]
        : [{ key: k.key, snippet: snippetEscape(k.key) }];
      return variants.map(({ key, snippet }) => {
        const value = snippetEscape(k.value ?? '""');
        const newText = inString ? (valueFollows ? snippet : `${snippet}" = ${value}`) : `"${snippet}" = ${value}`;
        const fits = !!method && !!k.methods?.includes(method.id);
        return {
          label: key,
          kind: CompletionItemKind.Property,
          detail: k.value ? `= ${k.value}` : undefined,
          documentation: { kind: MarkupKind.Markdown, value: mapKeyMarkdown(k) },
          sortText: `${fits ? 0 : 1}_${String(i).padStart(3, '0')}`,
          filterText: inString ? key : `"${key}"`,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: TextEdit.replace(range, newText),
        };
      });
    });
  }
}

// ---- items for block bodies ----------------------------------------------------------------------

function docOf(schema: ResourceSchema | undefined) {
  return schema ? { kind: MarkupKind.Markdown, value: resourceMarkdown(schema) } : undefined;
}

function languageItem(schema: BlockSchema, snippet: string, range: ReturnType<TfFile['rangeOfOffsets']>, retrigger?: boolean): CompletionItem {
  return {
    label: schema.name,
    kind: CompletionItemKind.Keyword,
    detail: 'block',
    documentation: { kind: MarkupKind.Markdown, value: blockMarkdown(schema) },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: TextEdit.replace(range, snippet),
    command: retrigger ? TRIGGER_SUGGEST : undefined,
  };
}

function bodyItems(schema: BlockSchema, present: Set<string>, range: ReturnType<TfFile['rangeOfOffsets']>, target?: Target): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const a of settableAttributes(schema)) {
    if (present.has(a.name)) continue;
    const values = target ? knownValues(target.kind, target.type, target.path, a.name) : [];
    const keys = target ? knownMapKeys(target.kind, target.type, target.path, a.name) : [];
    items.push({
      label: a.name,
      kind: CompletionItemKind.Property,
      detail: attributeDetail(a),
      documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(a) },
      tags: a.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      sortText: `${a.required ? 0 : a.deprecated ? 4 : 1}_${a.name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, `${a.name} = ${valueSnippet(a, 1, values.length > 0, keys.length > 0)}`),
      command: values.length || keys.length ? TRIGGER_SUGGEST : undefined,
    });
  }
  for (const b of schema.blocks) {
    if (b.maxItems === 1 && present.has(b.name)) continue;
    const required = (b.minItems ?? 0) > 0;
    items.push({
      label: b.name,
      kind: CompletionItemKind.Struct,
      detail: `block${b.maxItems === 1 ? ' · at most one' : ''}${required ? ' · required' : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: blockMarkdown(b) },
      sortText: `${required ? 0 : 2}_${b.name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, `${b.name} {\n${bodySnippet(b, 1, { next: 1 })}\t$0\n}`),
    });
  }
  return items;
}

/** The value part of `name = …` as a snippet with tab stop `n`. */
function valueSnippet(a: AttributeSchema, n: number, hasValues: boolean, hasKeys: boolean): string {
  if (a.allowedValues?.length && !hasValues) {
    const choices = a.allowedValues.filter((v) => v !== '').map((v) => v.replace(/[,|\\$}]/g, '\\$&'));
    return `"\${${n}|${choices.join(',')}|}"`;
  }
  switch (a.type) {
    case 'bool':
      return `\${${n}|true,false|}`;
    case 'number':
      return `\${${n}:0}`;
    case 'list':
    case 'list(string)':
    case 'set(string)':
      return `[\${${n}}]`;
    case 'map':
    case 'map(string)':
      return hasKeys ? `{\n\t\${${n}}\n}` : `{\${${n}}}`;
    case 'any':
      return `\${${n}}`;
    default:
      return `"\${${n}}"`;
  }
}

/** The required attributes (and required blocks, two levels deep) of a block, as snippet lines. */
function bodySnippet(schema: BlockSchema, depth: number, counter: { next: number }): string {
  const indent = '\t'.repeat(depth);
  const required = schema.attributes.filter((a) => a.required && !a.removed);
  const width = Math.max(0, ...required.map((a) => a.name.length));
  let out = '';
  for (const a of required) {
    // Inside a multi-line snippet a choice list beats re-opening completion, so allowed values become choices.
    out += `${indent}${a.name.padEnd(width)} = ${valueSnippet(a, counter.next++, false, false)}\n`;
  }
  if (depth < 3) {
    for (const b of schema.blocks.filter((x) => (x.minItems ?? 0) > 0)) {
      out += `${indent}${b.name} {\n${bodySnippet(b, depth + 1, counter)}${indent}}\n`;
    }
  }
  return out;
}

function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/**
 * A short detail for a declaration. Read from the declaration's text, not its subtree: completion lists
 * every variable, and walking each one's children through the parser bindings costs more than the regex.
 */
function declarationDetail(d: Declaration): string {
  const text = d.file.text.slice(d.node.startIndex, d.node.endIndex);
  if (d.kind === 'local') return `local · ${shorten(text.replace(/^[^=]*=\s*/, ''))}`;
  if (d.kind === 'variable') {
    const type = /\n\s*type\s*=\s*([^\n#]+)/.exec(text)?.[1]?.trim();
    return type ? `variable · ${type}` : 'variable';
  }
  if (d.kind === 'module') return `module · ${shorten(/\n\s*source\s*=\s*([^\n#]+)/.exec(text)?.[1]?.trim() ?? '')}`;
  return d.kind;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
