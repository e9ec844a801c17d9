import type { Reference } from '../model/fileIndex';
import { nearestName } from '../model/names';
import type { BlockSchema, SchemaKind } from '../schema';
import { namesOf, RefTarget, stepInto } from '../schema/references';
import { FixBuilder } from './edits';
import { defineRule } from './types';
import { releaseLabel, removedWhen } from './util/schema';

/** Attributes a rule of their own reports: the owner attributes coder provider 2.x moved to `coder_workspace_owner`. */
const COVERED = /^data\.coder_workspace\.owner/;

const UNSUPPORTED = '`{{address}}` has no attribute `{{path}}` in {{release}}: `terraform plan` stops with "Unsupported attribute".';

export const unsupportedAttribute = defineRule({
  meta: {
    id: 'unsupported-attribute',
    defaultSeverity: 'error',
    description: 'A reference reads an attribute the resource or data source type does not have (`coder_agent.main.init_scrpt`).',
    fixable: true,
    // `{{hint}}` is empty or " Did you mean `<name>`?"; `{{when}}` is "in <release>", or "after <last
    // release that had it>" where the removing one is unknown.
    messages: {
      unsupportedAttribute: `${UNSUPPORTED}{{hint}}`,
      removedAttribute: `${UNSUPPORTED} It was removed {{when}}.`,
      replacedAttribute: `${UNSUPPORTED} It was removed {{when}}; use \`{{replacement}}\`.`,
    },
    tags: ['schema', 'push-check'],
  },
  check({ module, report }) {
    const key = module.schemas.key;
    for (const reference of module.references) {
      if ((reference.kind !== 'resource' && reference.kind !== 'data') || !reference.resourceType) continue;
      const kind: SchemaKind = reference.kind;
      // A reference keeps its object while its statement's tree is kept: so does what it reaches.
      let memo = reached.get(reference);
      if (!memo || memo.key !== key) {
        const schema = module.schemas.type(kind, reference.resourceType);
        const checked = !!schema && !schema.unchecked && module.schemas.choice(schema.release.provider).admitted;
        reached.set(reference, (memo = { key, found: checked ? firstUnsupported(reference, schema.block) : undefined }));
      }
      const found = memo.found;
      // Only a declared object: an undeclared one is undefined-reference's finding.
      if (!found || !module.find(kind, reference.name)) continue;
      const schema = module.schemas.type(kind, reference.resourceType)!;
      const { step, target, path } = found;
      const address = `${kind === 'data' ? 'data.' : ''}${reference.name}`;
      if (path.length === 1 && COVERED.test(`${kind}.${reference.resourceType}.${step.name}`)) continue;
      const removal = path.length === 1 ? schema.release.removals.find((r) => r.path === `${kind}.${reference.resourceType}.${step.name}`) : undefined;
      const near = removal ? undefined : nearestName(step.name, namesOf(target));
      const data = { address, path: path.join('.'), release: releaseLabel(schema.release) };
      const nameNode = step.node.lastNamedChild ?? step.node;
      report({
        file: reference.file,
        range: reference.file.rangeOf(nameNode),
        ...(!removal
          ? { messageId: 'unsupportedAttribute', data: { ...data, hint: near ? ` Did you mean \`${near}\`?` : '' } }
          : removal.replacement
            ? { messageId: 'replacedAttribute', data: { ...data, when: removedWhen(removal), replacement: removal.replacement } }
            : { messageId: 'removedAttribute', data: { ...data, when: removedWhen(removal) } }),
        fix: near ? new FixBuilder(`Change to \`${near}\``).replaceNode(reference.file, nameNode, near).build() : undefined,
      });
    }
  },
});

type Step = Reference['traversal']['steps'][number] & { name: string };

const reached = new WeakMap<Reference, { key: string; found: ReturnType<typeof firstUnsupported> }>();

/**
 * The first attribute step Terraform would reject: after the object's name and any instance key, each
 * step is followed through the type's schema while the schema can tell (an index into a list of blocks,
 * an object's keys); where it cannot (a set, a map, a splat, an index the tree could not read), nothing
 * further is checked.
 */
function firstUnsupported(reference: Reference, body: BlockSchema): { step: Step; target: RefTarget; path: string[] } | undefined {
  const steps = reference.traversal.steps;
  let i = reference.kind === 'data' ? 2 : 1;
  while (i < steps.length && steps[i]!.name === undefined) {
    if (steps[i]!.index === undefined) return undefined;
    i++;
  }
  let target: RefTarget = { body };
  const path: string[] = [];
  for (; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.name === undefined && step.index === undefined) return undefined;
    const next = stepInto(target, step.name !== undefined ? { name: step.name } : { index: step.index! });
    if (step.name !== undefined) path.push(step.name);
    if (next === 'unsupported') return { step: step as Step, target, path };
    if (!next) return undefined;
    target = next;
  }
  return undefined;
}
