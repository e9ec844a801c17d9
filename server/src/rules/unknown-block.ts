import { nearestName } from '../model/names';
import { attribute, type HclBlock } from '../model/syntax';
import type { SchemaContext } from '../schema';
import { FixBuilder } from './edits';
import { defineRule } from './types';
import { releaseLabel } from './util/schema';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

const UNSUPPORTED = '`terraform plan` stops with "Unsupported block type".{{hint}}';

/**
 * `{{where}}` is the body's place (see `where`); `{{hint}}` is empty or " Did you mean `<type>`?", the
 * nearest block type.
 */
const messages = {
  unknownBlock: `{{where}} has no block type \`{{name}}\` in {{release}}: ${UNSUPPORTED}`,
  // Terraform's own blocks (`lifecycle`, …) have no provider release.
  unknownTerraformBlock: `{{where}} has no block type \`{{name}}\`: ${UNSUPPORTED}`,
  unknownDynamicBlock: `{{where}} has no block type \`{{name}}\` for this \`dynamic\` block to make: ${UNSUPPORTED}`,
  argumentNotBlock: '`{{name}}` is an argument of {{where}}, not a block: write `{{name}} = …`. Terraform stops with "Unsupported block type".',
};
type MessageId = keyof typeof messages;

export const unknownBlock = defineRule({
  meta: {
    id: 'unknown-block',
    defaultSeverity: 'error',
    description: 'A nested block type the resource, data source or block does not have in the provider release in use.',
    fixable: true,
    messages,
    tags: ['schema', 'push-check'],
  },
  check({ module, report }) {
    reportKept(module, find, report);
  },
});

/** What this rule finds in one top-level statement (kept with its tree; see util/statements.ts). */
function find(view: StatementView): Kept<MessageId>[] {
  const found: Kept<MessageId>[] = [];
  // Each span gets the new name: a block's type, or a dynamic block's label and its iterator's uses.
  const rename = (spans: Array<[number, number]>, near: string) => ({ file, base }: { file: Parameters<FixBuilder['replace']>[0]; base: number }) => {
    const fix = new FixBuilder(`Change to \`${near}\``);
    for (const span of spans) fix.replace(file, base + span[0], base + span[1], near);
    return fix.build();
  };
  for (const { block, ctx, blocks } of view.visits()) {
    if (!ctx.checked || !ctx.body) continue;
    const body = ctx.body;
    for (const nested of blocks) {
      if (nested.type === 'dynamic') {
        const label = nested.labels[0];
        const node = nested.labelNodes[0];
        if (label === undefined || !node || body.blocks.has(label) || ctx.meta?.blocks.has(label)) continue;
        const near = nearestName(label, body.blocks.keys());
        const quoted = node.type === 'string_lit';
        const span = spanOf(view, node, quoted ? 1 : 0);
        found.push({
          span,
          messageId: 'unknownDynamicBlock',
          data: { name: label, where: where(ctx, block.type), hint: hint(near) },
          fix: near && quoted ? renameDynamic(view, nested, span, near, rename) : undefined,
        });
        continue;
      }
      if (body.blocks.has(nested.type) || ctx.meta?.blocks.has(nested.type)) continue;
      const span = spanOf(view, nested.typeNode);
      const attribute = body.attributes.get(nested.type) ?? ctx.meta?.attributes.get(nested.type);
      if (attribute) {
        // `labels { a = "b" }` for a map argument: the same value written as an assignment.
        const mapLike = typeof attribute.type !== 'string' && (attribute.type[0] === 'map' || attribute.type[0] === 'object') && nested.labels.length === 0;
        found.push({
          span,
          messageId: 'argumentNotBlock',
          data: { name: nested.type, where: where(ctx, block.type) },
          fix: mapLike ? ({ file, base }) => new FixBuilder(`Write \`${nested.type} = { … }\``).replace(file, base + span[1], base + span[1], ' =').build() : undefined,
        });
        continue;
      }
      const near = nearestName(nested.type, [...body.blocks.keys(), ...(ctx.meta?.blocks.keys() ?? [])]);
      const release = ctx.choice?.release;
      found.push({
        span,
        ...(release
          ? { messageId: 'unknownBlock', data: { name: nested.type, where: where(ctx, block.type), release: releaseLabel(release), hint: hint(near) } }
          : { messageId: 'unknownTerraformBlock', data: { name: nested.type, where: where(ctx, block.type), hint: hint(near) } }),
        fix: near ? rename([span], near) : undefined,
      });
    }
  }
  return found;
}

/**
 * The rename of a dynamic block's label. Without `iterator = …` the label is also the iterator's name
 * (`envv.key`), so its uses in the block take the new name too, or they would refer to nothing. When a
 * nested `dynamic` or `for` binds the same name again, which use is whose is not worth guessing: no fix.
 */
function renameDynamic<T>(view: StatementView, dynamic: HclBlock, label: [number, number], near: string, rename: (spans: Array<[number, number]>, near: string) => T): T | undefined {
  if (attribute(dynamic, 'iterator') || !dynamic.body) return rename([label], near);
  const name = dynamic.labels[0];
  const forEach = attribute(dynamic, 'for_each')?.node;
  const rebinds = dynamic.body.descendantsOfType(['block', 'for_intro']).some((n) =>
    n?.type === 'for_intro'
      ? n.namedChildren.some((c) => c?.type === 'identifier' && c.text === name)
      : n?.namedChildren[0]?.text === 'dynamic' && (n.namedChildren[1]?.text.replace(/^"|"$/g, '') === name || /\biterator\b/.test(n.text)),
  );
  if (rebinds) return undefined;
  const uses = dynamic.body
    .descendantsOfType('variable_expr')
    .filter((n): n is NonNullable<typeof n> => !!n && n.text === name && !(forEach && n.startIndex >= forEach.startIndex && n.endIndex <= forEach.endIndex));
  return rename([label, ...uses.map((n) => spanOf(view, n))], near);
}

/** The body's place: `type.path` in a resource or data source, else this `<type>` block (provider, Terraform's own). */
function where(ctx: SchemaContext, blockType: string): string {
  return ctx.owner && !ctx.language ? `\`${[ctx.owner.type, ...ctx.owner.path].join('.')}\`` : `this \`${blockType}\` block`;
}

function hint(near: string | undefined): string {
  return near ? ` Did you mean \`${near}\`?` : '';
}
