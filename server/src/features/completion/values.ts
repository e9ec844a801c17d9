/** Completion of values: known values of an argument, env var names, and keys of map arguments. */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver';
import { templateFacts } from '../../model/containers';
import { envVarDoc, knownMapKeys, knownValues, KnownValue } from '../../schema';
import { methodById } from '../../model/methodCatalog';
import { sourceItems, versionItems } from '../modules';
import { envMarkdown, mapKeyMarkdown, valueMarkdown } from '../schemaDocs';
import { CompletionContext, snippetEscape } from './context';

/** Known values of an argument of the body at the cursor; for a list or set they are element values, offered inside `[…]` only. */
export function knownValuesHere(c: CompletionContext, attribute: string, inTuple: boolean): KnownValue[] {
  const here = c.schemaHere();
  const owner = here?.owner;
  if (!owner || here.language) return [];
  const schema = here.body?.attributes.get(attribute);
  const type = schema?.type;
  const isCollection = typeof type !== 'string' && (type?.[0] === 'list' || type?.[0] === 'set');
  if (isCollection !== inTuple) return [];
  return knownValues(owner.kind, owner.type, owner.path, attribute, schema);
}

export function valueItem(c: CompletionContext, v: KnownValue, index: number): CompletionItem {
  const method = c.method();
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

export function stringCompletion(c: CompletionContext, attribute: string, inTuple: boolean, contentStart: number): CompletionItem[] {
  const rest = c.restOfLine();
  const closed = /^[^"\n]*"/.test(rest);
  const close = closed ? '' : '"';
  const end = closed ? c.offset + Math.max(0, rest.indexOf('"')) : c.offset;
  const range = c.range(contentStart, end);
  const outer = c.cursor.blocks[0];
  if (c.cursor.blocks.length === 1 && outer?.type === 'module' && outer.labels[0] !== undefined && !inTuple) {
    if (attribute === 'source') return sourceItems(c.module, range, close);
    if (attribute === 'version') return versionItems(c.module, outer.labels[0], range, close);
    return [];
  }
  const owner = c.schemaHere()?.owner;
  if (!owner) return [];
  const typed = c.text.slice(contentStart, c.offset);
  const dockerEnv = owner.type === 'docker_container' && attribute === 'env' && inTuple;
  const kubernetesEnv = attribute === 'name' && owner.path[owner.path.length - 1] === 'env';
  if (dockerEnv && typed.includes('=')) return [];
  if (dockerEnv || kubernetesEnv) return envNames(c, attribute, range, dockerEnv ? '=' : '', close);
  return knownValuesHere(c, attribute, inTuple).map((v, i) => ({ ...valueItem(c, v, i), textEdit: TextEdit.replace(range, v.value + close) }));
}

function envNames(c: CompletionContext, attribute: string, range: Range, suffix: string, close: string): CompletionItem[] {
  const owner = c.schemaHere()!.owner!;
  const container = c.container();
  const envbox = container ? container.isEnvbox : c.method()?.id === 'envbox';
  const set = new Set(container?.env.map((e) => e.name) ?? []);
  const names = knownValues(owner.kind, owner.type, owner.path, attribute).map((v) => (suffix ? v.value.replace(/=$/, '') : v.value));
  return names
    .filter((name) => !set.has(name))
    .flatMap((name, i) => {
      const doc = envVarDoc(name, envbox ? 'envbox' : undefined);
      if (!doc) return [];
      const preferred = envbox ? doc.usedBy === 'envbox' : doc.usedBy !== 'envbox';
      return [
        {
          label: name,
          kind: CompletionItemKind.Constant,
          detail: `${doc.usedBy}${doc.required ? ' · required' : ''}`,
          documentation: { kind: MarkupKind.Markdown, value: envMarkdown(doc) },
          sortText: `${preferred ? (doc.required ? 0 : 1) : 2}_${String(i).padStart(3, '0')}`,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: TextEdit.replace(range, `${name}${suffix}$0${close}`),
        },
      ];
    });
}

export function mapKeyCompletion(c: CompletionContext, attribute: string, inString: boolean, wordStart: number): CompletionItem[] {
  const owner = c.schemaHere()?.owner;
  if (!owner) return [];
  const keys = knownMapKeys(owner.kind, owner.type, owner.path, attribute);
  const containers = templateFacts(c.module)
    .containers.filter((x) => x.platform === 'kubernetes' && x.resource.name === `${owner.type}.${c.cursor.blocks[0]?.labels[1]}`)
    .map((x) => x.name)
    .filter((n): n is string => !!n);
  const rest = c.restOfLine();
  const quote = rest.indexOf('"');
  const closed = inString && quote >= 0;
  const valueFollows = closed && /^\s*[=:]/.test(rest.slice(quote + 1));
  const end = closed && !valueFollows ? c.offset + quote + 1 : inString ? c.offset : c.wordEnd(c.offset);
  const range = c.range(wordStart, end);
  const method = c.method();
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
