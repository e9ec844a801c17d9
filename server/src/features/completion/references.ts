/** Completion in expressions: values of the argument, reference roots, and what follows a dot in a reference. */
import { CompletionItem, CompletionItemKind, CompletionItemTag, MarkupKind, TextEdit } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import type { Declaration } from '../../model/fileIndex';
import { isReferenceName } from '../../model/syntax';
import type { AttributeSchema, ResourceSchema, SchemaKind } from '../../schema';
import { namesOf, RefTarget, stepInto } from '../../schema/references';
import { outputItems } from '../modules';
import { attributeDetail, attributeMarkdown, entryInfo, resourceMarkdown } from '../schemaDocs';
import type { CompletionContext } from './context';
import { knownValuesHere, valueItem } from './values';

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

export function expressionCompletion(c: CompletionContext, attribute: string | undefined, inTuple: boolean, inInterpolation: boolean, trigger?: string): CompletionItem[] {
  const lineStart = c.text.lastIndexOf('\n', c.offset - 1) + 1;
  const before = c.text.slice(Math.max(lineStart, c.offset - 500), c.offset);
  const traversal = TRAVERSAL.exec(before);
  if (traversal) {
    if (trigger && trigger !== '.') return [];
    const steps = [...(traversal[2] ?? '').matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+|"[^"]*")\]|\.(\d+)/g)].map((m) =>
      m[1] !== undefined ? { name: m[1] } : { index: m[2] !== undefined ? (m[2].startsWith('"') ? m[2].slice(1, -1) : Number(m[2])) : Number(m[3]) },
    );
    const partial = traversal[3] ?? '';
    return references(c, traversal[1]!, steps, c.range(c.offset - partial.length));
  }
  if (trigger === '.' || trigger === '"') return [];
  const word = WORD_BEFORE.exec(before)?.[0] ?? '';
  const start = c.offset - word.length;
  const range = c.range(start);
  const space = c.text[start - 1] === '=' ? ' ' : '';
  const items: CompletionItem[] = [];
  const here = c.schemaHere();
  if (attribute && here?.owner && !here.language && !inInterpolation) {
    const a = here.body?.attributes.get(attribute);
    if (a?.type === 'bool') {
      for (const v of ['true', 'false']) items.push({ label: v, kind: CompletionItemKind.Value, sortText: `0_${v}`, textEdit: TextEdit.replace(range, space + v) });
    }
    for (const [i, v] of knownValuesHere(c, attribute, inTuple).entries()) {
      items.push({ ...valueItem(c, v, i), label: `"${v.value}"`, filterText: `"${v.value}"`, textEdit: TextEdit.replace(range, `${space}"${v.value}"`) });
    }
  }
  if (trigger === '=') return items;
  for (const root of referenceRoots(c)) items.push({ ...root, sortText: `5_${root.label}`, textEdit: TextEdit.replace(range, space + root.label) });
  return items;
}

function referenceRoots(c: CompletionContext): CompletionItem[] {
  const roots: CompletionItem[] = [
    { label: 'var', kind: CompletionItemKind.Keyword, detail: 'input variables' },
    { label: 'local', kind: CompletionItemKind.Keyword, detail: 'local values' },
    { label: 'data', kind: CompletionItemKind.Keyword, detail: 'data sources' },
    { label: 'module', kind: CompletionItemKind.Keyword, detail: 'module outputs' },
  ];
  const types = new Set(c.module.resources().map((d) => d.resourceType ?? ''));
  for (const type of [...types].filter(isReferenceName).sort()) roots.push({ label: type, kind: CompletionItemKind.Class, detail: 'resource type in this module' });
  return roots;
}

type Step = { name: string } | { index: number | string };

function references(c: CompletionContext, root: string, steps: Step[], range: Range): CompletionItem[] {
  const names = steps.map((s) => ('name' in s ? s.name : undefined));
  // Each name is inserted after a `.`; a label may hold any string (`variable "\uFFFDme"`), but only an
  // identifier parses there, so a label that is none is not offered.
  const declared = (kind: 'variable' | 'local' | 'module', itemKind: CompletionItemKind) =>
    c.module.declarationsOf(kind).filter((d) => isReferenceName(d.name)).map((d) => ({
      label: d.name,
      kind: itemKind,
      detail: declarationDetail(d),
      documentation: { kind: MarkupKind.Markdown, value: `Declared in ${baseName(d.file.path)} line ${d.file.positionAt(d.node.startIndex).line + 1}` },
      textEdit: TextEdit.replace(range, d.name),
    }));
  const instancesOf = (kind: SchemaKind, type: string) =>
    [...new Set(c.module.declarationsOf(kind).filter((d) => d.resourceType === type).map((d) => d.name.slice(type.length + 1)))].filter(isReferenceName).map((name) => ({
      label: name,
      kind: CompletionItemKind.Reference,
      detail: `${kind === 'data' ? 'data.' : ''}${type}.${name}`,
      textEdit: TextEdit.replace(range, name),
    }));
  switch (root) {
    case 'var':
      return steps.length === 0 ? declared('variable', CompletionItemKind.Variable) : [];
    case 'local':
      return steps.length === 0 ? declared('local', CompletionItemKind.Variable) : [];
    case 'module': {
      if (steps.length === 0) return declared('module', CompletionItemKind.Module);
      // After the module's name and any instance key: its outputs.
      const rest = steps.slice(1);
      return names[0] && rest.every((s) => 'index' in s) ? outputItems(c.module, names[0], range) : [];
    }
    case 'data': {
      if (steps.length === 0) {
        const types = [...new Set(c.module.dataSources().map((d) => d.resourceType ?? ''))].filter(isReferenceName).sort();
        return types.map((type) => {
          const schema = c.module.schemas.type('data', type);
          return {
            label: type,
            kind: CompletionItemKind.Class,
            detail: 'data source type',
            documentation: schema ? { kind: MarkupKind.Markdown, value: resourceMarkdown(schema) } : undefined,
            textEdit: TextEdit.replace(range, type),
          };
        });
      }
      if (steps.length === 1 && names[0]) return instancesOf('data', names[0]);
      return names[0] ? membersAfter(c, 'data', names[0], steps.slice(2), range) : [];
    }
    default: {
      const builtin = BUILTIN_REFERENCES[root];
      if (builtin) {
        return steps.length === 0 ? builtin.map(([label, doc]) => ({ label, kind: CompletionItemKind.Property, documentation: doc, textEdit: TextEdit.replace(range, label) })) : [];
      }
      if (steps.length === 0) return instancesOf('resource', root);
      return membersAfter(c, 'resource', root, steps.slice(1), range);
    }
  }
}

/**
 * The attributes and blocks after `type.name.` (and after an instance key, `type.name[0].`), and further
 * in: `network_data[0].` offers the object's keys.
 */
function membersAfter(c: CompletionContext, kind: SchemaKind, type: string, rest: Step[], range: Range): CompletionItem[] {
  const schema = c.module.schemas.type(kind, type);
  if (!schema) return [];
  let target: RefTarget | 'unsupported' | undefined = { body: schema.block };
  let i = 0;
  while (i < rest.length && 'index' in rest[i]!) i++; // count / for_each instance keys
  for (; i < rest.length && target && target !== 'unsupported'; i++) target = stepInto(target, rest[i]!);
  if (!target || target === 'unsupported') return [];
  if ('body' in target && target.body === schema.block) return typeMembers(schema, range);
  return namesOf(target).map((name) => ({ label: name, kind: CompletionItemKind.Field, textEdit: TextEdit.replace(range, name) }));
}

/** Every attribute a type exports, arguments and read-only ones (read-only first), and its blocks. */
function typeMembers(schema: ResourceSchema, range: Range): CompletionItem[] {
  const owner = { kind: schema.kind, type: schema.name, schema, path: [] };
  const attributes: AttributeSchema[] = [...schema.block.attributes.values()].sort(
    (a, b) => Number(b.computed) - Number(a.computed) || a.name.localeCompare(b.name),
  );
  const items: CompletionItem[] = attributes.map((a, i) => ({
    label: a.name,
    kind: CompletionItemKind.Field,
    detail: attributeDetail(a),
    documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(a, entryInfo(owner, a, false)) },
    tags: a.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    sortText: `${a.deprecated ? 1 : 0}_${String(i).padStart(3, '0')}`,
    textEdit: TextEdit.replace(range, a.name),
  }));
  for (const b of schema.block.blocks.values()) {
    items.push({ label: b.name, kind: CompletionItemKind.Field, detail: b.nesting === 'single' ? 'block' : `block · ${b.nesting} (index it: \`${b.name}[0]\`)`, sortText: `2_${b.name}`, textEdit: TextEdit.replace(range, b.name) });
  }
  return items;
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
