import { childBlock, HclBlock } from '../syntax';

/**
 * The Kubernetes resources that hold a pod template, with the block path from the resource to the pod
 * spec (hashicorp/kubernetes 3.2.1, docs/resources/*.md). Unversioned and `_v1` types share a path.
 */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {};
const paths: Array<[string[], string[]]> = [
  [['kubernetes_pod'], ['spec']],
  [
    ['kubernetes_deployment', 'kubernetes_stateful_set', 'kubernetes_daemonset', 'kubernetes_daemon_set', 'kubernetes_job', 'kubernetes_replication_controller'],
    ['spec', 'template', 'spec'],
  ],
  [['kubernetes_cron_job'], ['spec', 'job_template', 'spec', 'template', 'spec']],
];
for (const [types, path] of paths) {
  for (const type of types) {
    // `kubernetes_daemonset` has no `_v1` form of that spelling; `kubernetes_daemon_set` only has one.
    if (type !== 'kubernetes_daemon_set') POD_SPEC_PATHS[type] = path;
    if (type !== 'kubernetes_daemonset') POD_SPEC_PATHS[`${type}_v1`] = path;
  }
}

/** Every resource type that holds a pod spec. */
export const KUBERNETES_WORKLOAD_TYPES: ReadonlySet<string> = new Set(Object.keys(POD_SPEC_PATHS));

export function isKubernetesWorkload(type: string | undefined): boolean {
  return !!type && type in POD_SPEC_PATHS;
}

export interface PodTemplate {
  /** The pod spec block (where containers, `runtime_class_name` and the pod `security_context` live). */
  podSpec?: HclBlock;
  /** The block whose `metadata` holds the pod's annotations: the resource, or the `template` block. */
  podMetadataParent?: HclBlock;
  podMetadata?: HclBlock;
  /** Where the pod's annotations are written, for messages: `metadata.annotations`, `spec.template.metadata.annotations`… */
  annotationsPath: string;
}

/** The pod template of a workload resource, as far as its blocks are written. */
export function podTemplate(type: string, resource: HclBlock): PodTemplate {
  const path = POD_SPEC_PATHS[type] ?? ['spec'];
  const parentPath = path.slice(0, -1);
  let podMetadataParent: HclBlock | undefined = resource;
  for (const step of parentPath) podMetadataParent = childBlock(podMetadataParent, step);
  const podSpec = childBlock(podMetadataParent, path[path.length - 1]);
  return {
    podSpec,
    podMetadataParent,
    podMetadata: childBlock(podMetadataParent, 'metadata'),
    annotationsPath: [...parentPath, 'metadata', 'annotations'].join('.'),
  };
}
