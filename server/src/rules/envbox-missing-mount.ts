import { Container, containerHeader, containerLabel } from '../model/containers';
import { blockInstances } from '../model/facts/dynamic';
import { ValueReader, valuesOf } from '../model/facts/reader';
import { attribute } from '../model/syntax';
import { defineRule } from './types';

/** The mount points of the outer envbox container, in the order envbox's own templates list them. */
export const ENVBOX_MOUNTS = [
  '/var/lib/coder/docker',
  '/var/lib/coder/containers',
  '/var/lib/sysbox',
  '/var/lib/docker',
  '/var/lib/containers',
  '/usr/src',
  '/lib/modules',
] as const;

/** Host paths Sysbox reads from the node; the others hold Docker and Sysbox state. */
const FROM_THE_NODE = new Set(['/usr/src', '/lib/modules']);

/** What the missing paths are for: state (Docker's and Sysbox's), the node's own files, or both. */
const MISSING = '{{container}} runs envbox without a volume at {{paths}}.';
const STATE =
  ' Envbox keeps the Docker and Sysbox state of the outer and the inner container under these paths: left on the container\'s own overlay filesystem, nested Docker and Sysbox cannot use it reliably, and the cached workspace image is pulled again each time the pod is replaced.';
const FROM_NODE = ' `/usr/src` and `/lib/modules` must be the node\'s own (read-only host paths): Sysbox needs the node\'s kernel headers and modules.';

export const envboxMissingMount = defineRule({
  meta: {
    id: 'envbox-missing-mount',
    defaultSeverity: 'warning',
    description: 'An envbox container should mount the seven paths envbox keeps its state in or reads from the node.',
    fixable: false,
    messages: {
      missingStateMounts: MISSING + STATE,
      missingNodeMounts: MISSING + FROM_NODE,
      missingStateAndNodeMounts: MISSING + STATE + FROM_NODE,
    },
    tags: ['envbox', 'docker', 'kubernetes'],
  },
  check({ module, facts, report }) {
    const reader = valuesOf(module);
    for (const c of facts.containers) {
      if (!c.isEnvbox) continue;
      const mounted = mountPaths(reader, c);
      if (!mounted) continue;
      const missing = ENVBOX_MOUNTS.filter((p) => !mounted.has(p));
      if (!missing.length) continue;
      const state = missing.some((p) => !FROM_THE_NODE.has(p));
      const node = missing.some((p) => FROM_THE_NODE.has(p));
      const header = containerHeader(c);
      report({
        file: c.file,
        range: c.imageNode ? c.file.rangeOf(c.imageNode) : c.file.rangeOfOffsets(header.start, header.end),
        messageId: state && node ? 'missingStateAndNodeMounts' : state ? 'missingStateMounts' : 'missingNodeMounts',
        // The list of missing paths is data: any of the seven may be missing.
        data: { container: containerLabel(c, true), paths: missing.map((p) => `\`${p}\``).join(', ') },
      });
    }
  },
});

/**
 * The mount targets of a container, `dynamic` blocks over a known list or map included; undefined when
 * some cannot be seen (a dynamic block over a variable, a target that is not known).
 */
function mountPaths(reader: ValueReader, c: Container): Set<string> | undefined {
  const kinds = c.platform === 'kubernetes' ? [['volume_mount', 'mount_path']] : [['volumes', 'container_path'], ['mounts', 'target']];
  const out = new Set<string>();
  for (const [type, path] of kinds) {
    const { instances, open } = blockInstances(reader, c.file, c.block, type);
    if (open) return undefined;
    for (const { block, scope } of instances) {
      const value = reader.string(attribute(block, path)?.value, c.file, scope);
      if (value === undefined) return undefined;
      out.add(value.length > 1 ? value.replace(/\/+$/, '') : value);
    }
  }
  return out;
}
