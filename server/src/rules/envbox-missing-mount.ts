import { Container, containerHeader, containerLabel } from '../model/containers';
import { attribute, childBlocks, staticValue } from '../model/syntax';
import type { Rule } from './types';

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

export const envboxMissingMount: Rule = {
  meta: {
    id: 'envbox-missing-mount',
    defaultSeverity: 'warning',
    description: 'An envbox container should mount the seven paths envbox keeps its state in or reads from the node.',
    fixable: false,
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      if (!c.isEnvbox) continue;
      const mounted = mountPaths(c);
      if (!mounted) continue;
      const missing = ENVBOX_MOUNTS.filter((p) => !mounted.has(p));
      if (!missing.length) continue;
      const state = missing.some((p) => !FROM_THE_NODE.has(p))
        ? ' Envbox keeps the Docker and Sysbox state of the outer and the inner container under these paths: left on the container\'s own overlay filesystem, nested Docker and Sysbox cannot use it reliably, and the cached workspace image is pulled again each time the pod is replaced.'
        : '';
      const node = missing.some((p) => FROM_THE_NODE.has(p))
        ? ' `/usr/src` and `/lib/modules` must be the node\'s own (read-only host paths): Sysbox needs the node\'s kernel headers and modules.'
        : '';
      const header = containerHeader(c);
      report({
        file: c.file,
        range: c.imageNode ? c.file.rangeOf(c.imageNode) : c.file.rangeOfOffsets(header.start, header.end),
        message: `${containerLabel(c, true)} runs envbox without a volume at ${missing.map((p) => `\`${p}\``).join(', ')}.${state}${node}`,
      });
    }
  },
};

/** Static mount targets of a container; undefined when a `dynamic` block may add ones we cannot see. */
function mountPaths(c: Container): Set<string> | undefined {
  const kinds = c.platform === 'kubernetes' ? [['volume_mount', 'mount_path']] : [['volumes', 'container_path'], ['mounts', 'target']];
  if (childBlocks(c.block, 'dynamic').some((d) => kinds.some(([block]) => d.labels[0] === block))) return undefined;
  const out = new Set<string>();
  for (const [block, path] of kinds) {
    for (const b of childBlocks(c.block, block)) {
      const value = staticValue(attribute(b, path)?.value);
      if (typeof value === 'string') out.add(value.length > 1 ? value.replace(/\/+$/, '') : value);
    }
  }
  return out;
}
