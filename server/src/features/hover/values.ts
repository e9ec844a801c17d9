/** Hover on string values: env var names, known values of an argument, keys of map arguments. */
import type { TfFile } from '../../model/document';
import type { TemplateModule } from '../../model/module';
import { templateFacts } from '../../model/containers';
import { detectMethod } from '../../model/method';
import type { SyntaxNode } from '../../model/parser';
import { asAttribute, unwrap } from '../../model/syntax';
import { envVarDoc, knownMapKeys, knownValues, SchemaContext } from '../../schema';
import { methodById } from '../../model/methodCatalog';
import { code, envMarkdown, mapKeyMarkdown, valueMarkdown } from '../schemaDocs';
import type { Answer } from './answer';

export function stringValueHover(file: TfFile, module: TemplateModule, offset: number, node: SyntaxNode, here: SchemaContext | undefined): Answer | undefined {
  let literal: SyntaxNode | undefined;
  for (let n: SyntaxNode | null = node; n && !literal; n = n.parent) {
    if (n.type === 'template_expr' || n.type === 'string_lit' || n.type === 'quoted_template') literal = n;
    if (n.type === 'attribute' || n.type === 'block') break;
  }
  if (!literal) return undefined;
  // Climb to the attribute, noting whether the string is a tuple element or an object key.
  let owner: SyntaxNode | null = literal.parent;
  let inTuple = false;
  let objectElement: SyntaxNode | undefined;
  while (owner && owner.type !== 'attribute') {
    if (owner.type === 'tuple') inTuple = true;
    if (owner.type === 'object_elem' && !objectElement) objectElement = owner;
    if (owner.type === 'block' || owner.type === 'body') return undefined;
    owner = owner.parent;
  }
  const a = owner ? asAttribute(owner) : undefined;
  const target = here && !here.language ? here.owner : undefined;
  if (!a || !target) return undefined;
  const value = literal.text.replace(/^"|"$/g, '');
  const container = templateFacts(module).containers.find((c) => c.file === file && c.block.node.startIndex <= offset && offset <= c.block.node.endIndex);
  const envbox = container?.isEnvbox ?? detectMethod(module)?.id === 'envbox';
  if (objectElement) {
    const keyNode = objectElement.namedChildren[0];
    if (!keyNode || !(keyNode.startIndex <= literal.startIndex && literal.endIndex <= keyNode.endIndex)) return undefined;
    const key = knownMapKeys(target.kind, target.type, target.path, a.name).find((k) => (k.containerPlaceholder ? value.startsWith(k.key.replace('<container>', '')) : k.key === value));
    return key ? { markdown: `**${value}**\n\n${mapKeyMarkdown(key)}`, node: literal } : undefined;
  }
  if (inTuple && target.type === 'docker_container' && a.name === 'env') {
    const doc = envVarDoc(value.split('=')[0] ?? '', envbox ? 'envbox' : undefined);
    return doc ? { markdown: envMarkdown(doc, true), node: literal } : undefined;
  }
  if (a.name === 'name' && target.path[target.path.length - 1] === 'env' && unwrap(a.value)?.id === literal.id) {
    const doc = envVarDoc(value, envbox ? 'envbox' : undefined);
    return doc ? { markdown: envMarkdown(doc, true), node: literal } : undefined;
  }
  const known = knownValues(target.kind, target.type, target.path, a.name, here?.body?.attributes.get(a.name)).find((v) => v.value === value);
  return known ? { markdown: `${code(`"${value}"`)}\n\n${valueMarkdown(known, (id) => methodById(id)?.title ?? id)}`, node: literal } : undefined;
}
