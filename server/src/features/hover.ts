import { Hover, MarkupKind } from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { Declaration } from '../model/fileIndex';
import type { TemplateModule } from '../model/module';
import { detectMethod } from '../model/method';
import { templateFacts } from '../model/containers';
import type { SyntaxNode } from '../model/parser';
import { asAttribute, asBlock, attribute, HclBlock, staticValue, unwrap } from '../model/syntax';
import type { Position } from '../model/text';
import {
  attributeSchema,
  BlockSchema,
  envVarDoc,
  knownMapKeys,
  knownValues,
  metaArguments,
  resourceSchema,
  SchemaKind,
} from '../schema';
import { methodById } from '../scaffold/methods';
import { BlockFrame, cursorContext, schemaPath } from './cursor';
import { attributeMarkdown, blockMarkdown, code, envMarkdown, mapKeyMarkdown, resourceMarkdown, valueMarkdown } from './schemaDocs';
import { languageBlock, resourceBlockSchema } from './terraformLanguage';
import { referenceAt } from './navigation';

/**
 * Hover from the tree at the cursor plus the schema tables: what an attribute, block, resource type,
 * env var or value means; what a reference points at; and, on the workspace resource, the detected method.
 */
export function hover(file: TfFile, module: TemplateModule, position: Position): Hover | null {
  const offset = file.offsetAt(position);
  const node = file.nodeAt(offset);
  const answer = new HoverBuilder(file, module, offset).at(node);
  if (!answer) return null;
  const range = answer.node ? file.rangeOf(answer.node) : file.rangeOfOffsets(answer.start ?? offset, answer.end ?? offset);
  return { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range };
}

/** What to show, over a node or an offset span. */
interface Answer {
  markdown: string;
  node?: SyntaxNode;
  start?: number;
  end?: number;
}

class HoverBuilder {
  private frames?: BlockFrame[];

  constructor(
    private readonly file: TfFile,
    private readonly module: TemplateModule,
    private readonly offset: number,
  ) {}

  /** Enclosing blocks at the cursor (works on broken text too). */
  private blocks(): BlockFrame[] {
    this.frames ??= cursorContext(this.file, this.offset).blocks;
    return this.frames;
  }

  private target(blocks = this.blocks()): { kind: SchemaKind; type: string; path: string[] } | undefined {
    const outer = blocks[0];
    if (!outer || (outer.type !== 'resource' && outer.type !== 'data') || !outer.labels[0]) return undefined;
    return { kind: outer.type, type: outer.labels[0], path: schemaPath(blocks) };
  }

  at(node: SyntaxNode): Answer | undefined {
    return this.reference() ?? this.header(node) ?? this.attributeName(node) ?? this.stringValue(node);
  }

  // ---- references ------------------------------------------------------------------------------

  private reference(): Answer | undefined {
    const found = referenceAt(this.file, this.offset);
    if (!found) return undefined;
    const { reference, stepIndex } = found;
    const nameSteps = reference.kind === 'data' ? 2 : 1;
    const attributeStep = reference.traversal.steps[nameSteps];
    if (stepIndex >= nameSteps && attributeStep?.name && reference.resourceType && stepIndex === nameSteps) {
      const kind: SchemaKind = reference.kind === 'data' ? 'data' : 'resource';
      const a = attributeSchema(kind, reference.resourceType, [], attributeStep.name);
      const owner = `${reference.kind === 'data' ? 'data.' : ''}${reference.name}`;
      if (a) return { markdown: `**${attributeStep.name}** of ${code(owner)} · ${code(a.type)}\n\n${attributeMarkdown(a)}`, node: attributeStep.node };
      return undefined;
    }
    const kindOf = { var: 'variable', local: 'local', data: 'data', module: 'module', resource: 'resource' } as const;
    const declaration = this.module.find(kindOf[reference.kind], reference.name);
    const span = { start: reference.start, end: reference.end };
    if (!declaration) return { markdown: `${code(this.file.text.slice(reference.start, reference.end))} is not declared in this module.`, ...span };
    return { markdown: this.declarationMarkdown(declaration), ...span };
  }

  private declarationMarkdown(d: Declaration): string {
    const where = `Declared in ${code(baseName(d.file.path))}, line ${d.file.positionAt(d.node.startIndex).line + 1}.`;
    const parts: string[] = [];
    switch (d.kind) {
      case 'variable': {
        parts.push(`**variable** ${code(d.name)}`);
        const type = attribute(d.block, 'type')?.value?.text;
        const defaultValue = attribute(d.block, 'default')?.value?.text;
        const description = staticValue(attribute(d.block, 'description')?.value);
        if (typeof description === 'string' && description) parts.push(description);
        parts.push(`Type: ${type ? code(type) : 'any'}`);
        parts.push(defaultValue !== undefined ? `Default: ${code(shorten(defaultValue))}` : 'No default: the template admin must set it.');
        break;
      }
      case 'local':
        parts.push(`**local** ${code(d.name)}`, '```hcl\n' + shorten(asAttribute(d.node)?.value?.text ?? '', 300) + '\n```');
        break;
      case 'module':
        parts.push(`**module** ${code(d.name)}`, `Source: ${code(String(staticValue(attribute(d.block, 'source')?.value) ?? '?'))}`);
        break;
      case 'resource':
      case 'data': {
        const schema = resourceSchema(d.kind, d.resourceType ?? '');
        parts.push(`**${d.kind === 'data' ? 'data source' : 'resource'}** ${code(d.name)}`);
        if (schema) parts.push(resourceMarkdown(schema, false));
        break;
      }
      default:
        parts.push(`**${d.kind}** ${code(d.name)}`);
    }
    parts.push(where);
    return parts.join('\n\n');
  }

  // ---- block headers ---------------------------------------------------------------------------

  private header(node: SyntaxNode): Answer | undefined {
    let block: HclBlock | undefined;
    for (let n: SyntaxNode | null = node; n; n = n.parent) {
      if (n.type === 'body' || n.type === 'attribute') return undefined;
      if (n.type === 'block') {
        block = asBlock(n);
        break;
      }
    }
    if (!block || (block.openBrace && this.offset >= block.openBrace.startIndex)) return undefined;
    const lastLabel = block.labelNodes[block.labelNodes.length - 1] ?? block.typeNode;
    const header = { start: block.node.startIndex, end: lastLabel.endIndex };
    const hovered = [block.typeNode, ...block.labelNodes].find((n) => n.startIndex <= this.offset && this.offset <= n.endIndex) ?? block.typeNode;
    const topLevel = this.file.isTopLevel(block.node);
    if (topLevel) {
      if ((block.type === 'resource' || block.type === 'data') && block.labels[0]) {
        const schema = resourceSchema(block.type, block.labels[0]);
        const parts: string[] = [];
        const method = block.type === 'resource' ? this.methodFor(block) : undefined;
        if (method) parts.push(method);
        if (schema) parts.push(resourceMarkdown(schema));
        else parts.push(`${code(block.labels[0])}: no schema is bundled for this type.`);
        return hovered === block.typeNode ? { markdown: parts.join('\n\n---\n\n'), ...header } : { markdown: parts.join('\n\n---\n\n'), node: hovered };
      }
      const language = languageBlock(block.type);
      return language ? { markdown: blockMarkdown(language.schema, true), node: block.typeNode } : undefined;
    }
    if (hovered !== block.typeNode) return undefined;
    const schema = this.blockSchema([...this.blocks()], block.type === 'dynamic' ? block.labels[0] ?? '' : block.type);
    return schema ? { markdown: blockMarkdown(schema, true), node: block.typeNode } : undefined;
  }

  /** The nested block `name` inside the innermost of `blocks`. */
  private blockSchema(blocks: BlockFrame[], name: string): BlockSchema | undefined {
    const target = this.target(blocks);
    if (target) {
      return resourceBlockSchema(target.kind, target.type, [...target.path, name]);
    }
    const outer = blocks[0];
    let schema: BlockSchema | undefined = outer ? languageBlock(outer.type)?.schema : undefined;
    for (const b of [...blocks.slice(1).map((x) => x.type), name]) schema = schema?.blocks.find((x) => x.name === b);
    return schema;
  }

  private methodFor(block: HclBlock): string | undefined {
    const detected = detectMethod(this.module);
    if (!detected || detected.container.resource.node.id !== block.node.id || detected.container.file !== this.file) return undefined;
    const method = methodById(detected.id);
    if (!method) return `**Docker in workspace:** ${code(detected.id)} (detected)`;
    return [
      `**Docker in workspace: ${method.title}** (detected from this resource)`,
      method.summary,
      `**Requirements**\n${method.requirements.map((r) => `- ${r}`).join('\n')}`,
      `**Limitations**\n${method.limitations.map((r) => `- ${r}`).join('\n')}`,
      `[Method documentation](${method.docsUrl})`,
    ].join('\n\n');
  }

  // ---- attributes ------------------------------------------------------------------------------

  private attributeName(node: SyntaxNode): Answer | undefined {
    const parent = node.parent;
    if (node.type !== 'identifier' || parent?.type !== 'attribute' || parent.namedChildren[0]?.id !== node.id) return undefined;
    const name = node.text;
    const blocks = this.blocks();
    const target = this.target(blocks);
    if (target) {
      const schema = resourceBlockSchema(target.kind, target.type, target.path);
      const a = schema?.attributes.find((x) => x.name === name) ?? (target.path.length === 0 ? metaArguments.attributes.find((x) => x.name === name) : undefined);
      return a ? { markdown: attributeMarkdown(a, true), node } : undefined;
    }
    const outer = blocks[0];
    if (!outer || outer.type === 'locals') return undefined;
    let schema: BlockSchema | undefined = languageBlock(outer.type)?.schema;
    for (const b of blocks.slice(1)) schema = schema?.blocks.find((x) => x.name === b.type);
    const a = schema?.attributes.find((x) => x.name === name);
    return a ? { markdown: attributeMarkdown(a, true), node } : undefined;
  }

  // ---- string values: env names, known values, map keys -----------------------------------------

  private stringValue(node: SyntaxNode): Answer | undefined {
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
    const target = this.target();
    if (!a || !target) return undefined;
    const value = literal.text.replace(/^"|"$/g, '');
    const container = templateFacts(this.module).containers.find(
      (c) => c.file === this.file && c.block.node.startIndex <= this.offset && this.offset <= c.block.node.endIndex,
    );
    const envbox = container?.isEnvbox ?? detectMethod(this.module)?.id === 'envbox';
    if (objectElement) {
      const keyNode = objectElement.namedChildren[0];
      if (!keyNode || !(keyNode.startIndex <= literal.startIndex && literal.endIndex <= keyNode.endIndex)) return undefined;
      const key = knownMapKeys(target.kind, target.type, target.path, a.name).find((k) =>
        k.containerPlaceholder ? value.startsWith(k.key.replace('<container>', '')) : k.key === value,
      );
      return key ? { markdown: `**${value}**\n\n${mapKeyMarkdown(key)}`, node: literal } : undefined;
    }
    if (inTuple && target.type === 'docker_container' && a.name === 'env') {
      const name = value.split('=')[0] ?? '';
      const doc = envVarDoc(name, envbox ? 'envbox' : undefined);
      return doc ? { markdown: envMarkdown(doc, true), node: literal } : undefined;
    }
    if (a.name === 'name' && target.path[target.path.length - 1] === 'env' && unwrap(a.value)?.id === literal.id) {
      const doc = envVarDoc(value, envbox ? 'envbox' : undefined);
      return doc ? { markdown: envMarkdown(doc, true), node: literal } : undefined;
    }
    const known = knownValues(target.kind, target.type, target.path, a.name).find((v) => v.value === value);
    return known ? { markdown: `${code(`"${value}"`)}\n\n${valueMarkdown(known, (id) => methodById(id)?.title ?? id)}`, node: literal } : undefined;
  }
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function shorten(text: string, max = 80): string {
  const flat = max > 100 ? text : text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
