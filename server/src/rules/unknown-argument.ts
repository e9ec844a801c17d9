import { nearestName } from '../model/names';
import { settableAttributes, type Removal } from '../schema';
import { FixBuilder } from './edits';
import { defineRule, type MessageData } from './types';
import { releaseLabel, removedWhen } from './util/schema';
import { Kept, reportKept, spanOf, type StatementView } from './util/statements';

const UNSUPPORTED = '`terraform plan` stops with "Unsupported argument".';

/**
 * `{{where}}` is the body's place: `type.path` of a resource, data source or nested block, or this `<type>`
 * block for a provider block and Terraform's own blocks. `{{hint}}` is empty or " Did you mean `<name>`?".
 * `{{when}}` is "in <release>", or "after <last release that had it>" where the removing one is unknown.
 */
const messages = {
  blockNotArgument: '`{{name}}` is a block in {{where}}, not an argument: write `{{name}} { … }` without `=`. Terraform stops with "Unsupported argument".',
  unknownArgument: `{{where}} takes no argument \`{{name}}\` in {{release}}: ${UNSUPPORTED}{{hint}}`,
  // Terraform's own blocks (`lifecycle`, …) have no provider release.
  unknownTerraformArgument: `{{where}} takes no argument \`{{name}}\`: ${UNSUPPORTED}{{hint}}`,
  removedArgument: `{{where}} takes no argument \`{{name}}\` in {{release}}: ${UNSUPPORTED} It was removed {{when}}.`,
  replacedArgument: `{{where}} takes no argument \`{{name}}\` in {{release}}: ${UNSUPPORTED} It was removed {{when}}; use \`{{replacement}}\` instead.`,
};
type MessageId = keyof typeof messages;

export const unknownArgument = defineRule({
  meta: {
    id: 'unknown-argument',
    defaultSeverity: 'error',
    description: 'An argument the resource, data source, block or provider does not take in the provider release in use.',
    fixable: true,
    hasSuggestions: true,
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
  for (const [vi, { block, ctx, attributes }] of view.visits().entries()) {
    if (!ctx.checked || !ctx.body) continue;
    for (const [ai, a] of attributes.entries()) {
      if (ctx.body.attributes.has(a.name) || ctx.meta?.attributes.has(a.name)) continue;
      const release = ctx.choice?.release;
      const where = ctx.owner && !ctx.language ? `\`${[ctx.owner.type, ...ctx.owner.path].join('.')}\`` : `this \`${block.type}\` block`;
      const span = spanOf(view, a.nameNode);
      if (ctx.body.blocks.has(a.name) || ctx.meta?.blocks.has(a.name)) {
        found.push({ span, messageId: 'blockNotArgument', data: { name: a.name, where } });
        continue;
      }
      const owner = ctx.owner;
      const removal = release && owner ? release.removals.find((r) => r.path === `${owner.kind}.${[owner.type, ...owner.path, a.name].join('.')}`) : undefined;
      const candidates = [...settableAttributes(ctx.body, !!owner && owner.path.length === 0), ...(ctx.meta ? settableAttributes(ctx.meta) : [])].map((x) => x.name);
      const near = removal ? undefined : nearestName(a.name, candidates.filter((n) => !attributes.some((x) => x.name === n)));
      const data = { name: a.name, where, hint: near ? ` Did you mean \`${near}\`?` : '' };
      found.push({
        span,
        ...(!release
          ? { messageId: 'unknownTerraformArgument', data }
          : !removal
            ? { messageId: 'unknownArgument', data: { ...data, release: releaseLabel(release) } }
            : removedData(removal, { ...data, release: releaseLabel(release) })),
        fix: near ? ({ file, base }) => new FixBuilder(`Change to \`${near}\``).replace(file, base + span[0], base + span[1], near).build() : undefined,
        suggestions: removal
          ? ({ file, visits }) => {
              const v = visits()[vi]!;
              return [new FixBuilder(`Remove \`${a.name}\``).removeAttribute(file, v.block, v.attributes[ai]!).build()];
            }
          : undefined,
      });
    }
  }
  return found;
}

/** The message of an argument the release removed, and when. */
function removedData(removal: Removal, data: MessageData): Pick<Kept<MessageId>, 'messageId' | 'data'> {
  const when = removedWhen(removal);
  return removal.replacement ? { messageId: 'replacedArgument', data: { ...data, when, replacement: removal.replacement } } : { messageId: 'removedArgument', data: { ...data, when } };
}
