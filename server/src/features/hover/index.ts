/**
 * Hover from the tree at the cursor plus the schema the module's providers choose: what an argument,
 * block, resource type, env var or value means; what a reference points at; which provider release is
 * in use; and, on the workspace resource, the detected method.
 */
import { Hover, MarkupKind } from 'vscode-languageserver';
import type { TfFile } from '../../model/document';
import type { TemplateModule } from '../../model/module';
import { detectMethod } from '../../model/method';
import type { SyntaxNode } from '../../model/parser';
import { asBlock, HclBlock } from '../../model/syntax';
import type { Position } from '../../model/text';
import { languageBlock, lookup, nestedBlockIn, providerOfType, SchemaContext } from '../../schema';
import { methodById } from '../../model/methodCatalog';
import { BlockFrame, cursorContext } from '../cursor';
import { moduleCall, MODULE_META_ARGUMENTS } from '../../model/moduleCalls';
import { inputMarkdown, moduleMarkdown } from '../modules';
import { attributeMarkdown, blockMarkdown, code, entryInfo, releaseMarkdown, resourceMarkdown } from '../schemaDocs';
import type { Answer } from './answer';
import { referenceHover } from './references';
import { stringValueHover } from './values';

export function hover(file: TfFile, module: TemplateModule, position: Position): Hover | null {
  const offset = file.offsetAt(position);
  const node = file.nodeAt(offset);
  const answer = new HoverBuilder(file, module, offset).at(node);
  if (!answer) return null;
  const range = answer.node ? file.rangeOf(answer.node) : file.rangeOfOffsets(answer.start ?? offset, answer.end ?? offset);
  return { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range };
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

  private schemaAt(): SchemaContext | undefined {
    return lookup(this.module.schemas, this.blocks());
  }

  at(node: SyntaxNode): Answer | undefined {
    return (
      referenceHover(this.file, this.module, this.offset) ??
      this.header(node) ??
      this.attributeName(node) ??
      stringValueHover(this.file, this.module, this.offset, node, this.schemaAt())
    );
  }

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
    if (this.file.isTopLevel(block.node)) {
      if ((block.type === 'resource' || block.type === 'data') && block.labels[0]) {
        const markdown = this.typeMarkdown(block, block.type, block.labels[0]);
        return hovered === block.typeNode ? { markdown, ...header } : { markdown, node: hovered };
      }
      const language = languageBlock(block.type);
      if (!language) return undefined;
      const call = block.type === 'module' && block.labels[0] !== undefined ? moduleCall(this.module, block.labels[0]) : undefined;
      if (call) return { markdown: moduleMarkdown(call), node: hovered };
      const parts = [blockMarkdown(language, { note: language.note, docsUrl: language.docsUrl }, true)];
      const provider = block.type === 'provider' && block.labels[0] ? providerOfType(`${block.labels[0]}_`) : undefined;
      if (provider) parts.push(releaseMarkdown(this.module.schemas.choice(provider)));
      return { markdown: parts.join('\n\n---\n\n'), node: hovered };
    }
    if (hovered !== block.typeNode) return undefined;
    const parent = this.schemaAt();
    if (!parent) return undefined;
    const dynamic = block.type === 'dynamic';
    const nested = dynamic ? parent.body?.blocks.get(block.labels[0] ?? '') : nestedBlockIn(parent, block.type);
    if (!nested) return undefined;
    const owner = parent.language || !parent.body?.blocks.has(nested.name) ? undefined : parent.owner;
    return { markdown: blockMarkdown(nested, entryInfo(owner, nested, true), true), node: block.typeNode };
  }

  private typeMarkdown(block: HclBlock, kind: 'resource' | 'data', type: string): string {
    const schema = this.module.schemas.type(kind, type);
    const parts: string[] = [];
    const method = kind === 'resource' ? this.methodFor(block) : undefined;
    if (method) parts.push(method);
    const provider = providerOfType(type);
    if (schema) parts.push(resourceMarkdown(schema));
    else if (provider) {
      const release = this.module.schemas.choice(provider).release;
      parts.push(`${code(type)} is not a ${kind === 'data' ? 'data source' : 'resource'} type of ${code(`${release.source} ${release.version}`)}.`);
    } else parts.push(`${code(type)}: no schema is bundled for this type.`);
    return parts.join('\n\n---\n\n');
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

  private attributeName(node: SyntaxNode): Answer | undefined {
    const parent = node.parent;
    if (node.type !== 'identifier' || parent?.type !== 'attribute' || parent.namedChildren[0]?.id !== node.id) return undefined;
    const name = node.text;
    const frames = this.blocks();
    if (frames.length === 1 && frames[0]!.type === 'module' && !MODULE_META_ARGUMENTS.has(name)) {
      const target = moduleCall(this.module, frames[0]!.labels[0] ?? '')?.target;
      const input = target?.inputs.get(name);
      return target && input ? { markdown: inputMarkdown(target, name, input), node } : undefined;
    }
    const ctx = this.schemaAt();
    const own = ctx?.body?.attributes.get(name);
    const a = own ?? ctx?.meta?.attributes.get(name);
    if (!ctx || !a) return undefined;
    return { markdown: attributeMarkdown(a, entryInfo(ctx.language || !own ? undefined : ctx.owner, a, false), true), node };
  }
}
