import { FixBuilder } from './edits';
import { defineRule } from './types';
import { placeholderValue, releaseLabel } from './util/schema';
import { settledValue } from './util/modules';
import { type FixEnv, headerSpan, Kept, reportKept, type StatementView } from './util/statements';

const MISSING = '`terraform plan` stops with "Missing required argument".';

/** `{{names}}` lists the arguments, each in backticks. Terraform's own blocks (`precondition`, …) have no provider release. */
const messages = {
  missingArgument: `The argument \`{{name}}\` is required here by {{release}}: ${MISSING}`,
  missingArguments: `The arguments {{names}} are required here by {{release}}: ${MISSING}`,
  missingTerraformArgument: `The argument \`{{name}}\` is required here: ${MISSING}`,
  missingTerraformArguments: `The arguments {{names}} are required here: ${MISSING}`,
};
type MessageId = keyof typeof messages;

export const missingRequiredArgument = defineRule({
  meta: {
    id: 'missing-required-argument',
    defaultSeverity: 'error',
    description: 'A resource, data source, block or provider lacks an argument the provider release in use requires.',
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
    const missing = [...ctx.body.attributes.values()].filter((a) => a.required && !attributes.some((x) => x.name === a.name)).sort((x, y) => x.name.localeCompare(y.name));
    if (!missing.length) continue;
    const names = missing.map((a) => `\`${a.name}\``).join(', ');
    const release = ctx.choice?.release;
    // A value the template settles (the only agent's id) makes a fix; a placeholder only a suggestion.
    const settled = (module: FixEnv['module']) => missing.every((a) => settledValue(module, a.name));
    const add = (module: FixEnv['module'], file: FixEnv['file'], visits: FixEnv['visits']) =>
      new FixBuilder(missing.length === 1 ? `Add \`${missing[0]!.name}\`` : `Add ${names}`)
        .insertAttributes(file, visits()[vi]!.block, missing.map((a): [string, string] => [a.name, settledValue(module, a.name) ?? placeholderValue(a)]))
        .build();
    found.push({
      span: headerSpan(view, block),
      ...messageOf(missing.map((a) => a.name), names, release && releaseLabel(release)),
      fix: ({ module, file, visits }) => (settled(module) ? add(module, file, visits) : undefined),
      suggestions: ({ module, file, visits }) => (settled(module) ? undefined : [add(module, file, visits)]),
    });
  }
  return found;
}

function messageOf(missing: string[], names: string, release: string | undefined): Pick<Kept<MessageId>, 'messageId' | 'data'> {
  if (missing.length === 1) return release ? { messageId: 'missingArgument', data: { name: missing[0]!, release } } : { messageId: 'missingTerraformArgument', data: { name: missing[0]! } };
  return release ? { messageId: 'missingArguments', data: { names, release } } : { messageId: 'missingTerraformArguments', data: { names } };
}
