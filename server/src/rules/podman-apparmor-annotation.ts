import { Container, containerHeader, containerLabel, podAnnotations } from '../model/containers';
import type { ObjectEntry } from '../model/syntax';
import { attribute, childBlocks, staticValue, unwrap } from '../model/syntax';
import { valuesOf } from '../model/facts/reader';
import { FixBuilder } from './edits';
import { defineRule, Fix, RuleContext } from './types';

const PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

const MESSAGES = {
  misnamedAnnotation: `The AppArmor annotation names container \`{{named}}\`, but this pod has no container of that name, so {{container}} keeps the default AppArmor profile, which blocks the mounts rootless Podman makes (on Debian and Ubuntu nodes Podman cannot start containers). The key must end in the container's name: \`${PREFIX}{{name}}\`.`,
  missingAnnotation: `{{container}} runs Podman under the default AppArmor profile, which blocks the mounts rootless Podman makes (on Debian and Ubuntu nodes Podman cannot start containers). Annotate the pod with \`"${PREFIX}{{name}}" = "unconfined"\`.`,
  strayAnnotation: 'The AppArmor annotation names container `{{named}}`, but this pod has no container of that name: it has no effect. Rename it after the container it is meant for, or remove it.',
};

export const podmanApparmorAnnotation = defineRule({
  meta: {
    id: 'podman-apparmor-annotation',
    defaultSeverity: 'info',
    description: 'A rootless Podman pod should run its Podman container with the AppArmor profile "unconfined", by an annotation named after that container.',
    fixable: true,
    messages: MESSAGES,
    tags: ['podman', 'kubernetes'],
  },
  check(context) {
    const pods = new Map<string, Container[]>();
    for (const c of context.facts.containers) {
      if (c.platform !== 'kubernetes') continue;
      const list = pods.get(c.resource.name);
      if (list) list.push(c);
      else pods.set(c.resource.name, [c]);
    }
    for (const containers of pods.values()) checkPod(context, containers);
  },
});

function checkPod({ module, report }: RuleContext<keyof typeof MESSAGES>, containers: Container[]): void {
  const podman = containers.filter((c) => c.isPodman && c.name);
  if (!podman.length) return;
  const first = podman[0];
  const annotations = podAnnotations(first);
  // Annotations given by a variable or a merge() may hold the right one: we cannot tell.
  if (annotations.attribute?.value && unwrap(annotations.attribute.value)?.type !== 'object') return;
  // Init containers can carry their own AppArmor annotation too.
  const initNames = childBlocks(first.podSpec, 'init_container').map((b) => valuesOf(module).string(attribute(b, 'name')?.value, first.file));
  const names = new Set([...containers.map((c) => c.name), ...initNames].filter((n): n is string => typeof n === 'string'));
  const apparmor = annotations.entries.filter((e) => e.key.startsWith(PREFIX));
  const stale = apparmor.filter((e) => !names.has(e.key.slice(PREFIX.length)));
  for (const c of podman) {
    if (apparmor.some((e) => e.key === PREFIX + c.name)) continue;
    const entry = stale.shift();
    if (entry) {
      report({
        file: c.file,
        range: c.file.rangeOf(entry.keyNode),
        messageId: 'misnamedAnnotation',
        data: { named: entry.key.slice(PREFIX.length), container: containerLabel(c), name: c.name as string },
        fix: renameFix(c, entry),
      });
      continue;
    }
    const header = containerHeader(c);
    report({
      file: c.file,
      range: c.imageNode ? c.file.rangeOf(c.imageNode) : c.file.rangeOfOffsets(header.start, header.end),
      messageId: 'missingAnnotation',
      data: { container: containerLabel(c, true), name: c.name as string },
      fix: addFix(c),
    });
  }
  for (const entry of stale) {
    report({
      file: first.file,
      range: first.file.rangeOf(entry.keyNode),
      messageId: 'strayAnnotation',
      data: { named: entry.key.slice(PREFIX.length) },
    });
  }
}

function renameFix(c: Container, entry: ObjectEntry): Fix | undefined {
  const value = entry.valueNode ? staticValue(entry.valueNode) : undefined;
  // A profile computed by the template is the user's choice: not replaced by a guess.
  if (entry.valueNode && value === undefined) return undefined;
  const builder = new FixBuilder(`Rename the annotation to "${PREFIX}${c.name}" = "unconfined"`);
  builder.replaceNode(c.file, entry.keyNode, `"${PREFIX}${c.name}"`);
  if (entry.valueNode && value !== 'unconfined') builder.replaceNode(c.file, entry.valueNode, '"unconfined"');
  return builder.build();
}

function addFix(c: Container): Fix | undefined {
  const key = `"${PREFIX}${c.name}"`;
  const builder = new FixBuilder(`Add the annotation ${key} = "unconfined"`);
  const { attribute } = podAnnotations(c);
  const object = unwrap(attribute?.value);
  if (object?.type === 'object') return builder.insertObjectEntry(c.file, object, key, '"unconfined"').build();
  // A multi-line `annotations = {` is not aligned with the one-line attributes above it (terraform fmt).
  if (c.podMetadata) return builder.insertBlock(c.file, c.podMetadata, ['annotations = {', `  ${key} = "unconfined"`, '}']).build();
  if (!c.podMetadataParent) return undefined;
  return builder.insertBlock(c.file, c.podMetadataParent, ['metadata {', '  annotations = {', `    ${key} = "unconfined"`, '  }', '}']).build();
}
