/**
 * The project's own notes on the arguments and blocks a Docker-in-workspace template uses, shown in hover
 * and completion beside the facts of the generated schemas. Keyed by path, not a second schema: a note
 * for a path the schema does not have is never shown (a test checks that every key still names one).
 *
 * Keys: `<kind>.<type>.<path>` with the type's `_v1` suffix dropped, so both names of a Kubernetes type
 * share notes; everything inside a Kubernetes pod spec (of a pod, deployment, stateful set, job…) is
 * `pod.<path>`, and every object metadata block is `k8s.metadata.<path>`.
 */
import notes from './notes.json';
import type { SchemaKind } from './types';

const NOTES: Readonly<Record<string, string>> = notes;

/** Where each Kubernetes workload keeps its pod spec, after the type's name without `_v1`. */
const POD_SPEC_ROOTS: Readonly<Record<string, readonly string[]>> = {
  kubernetes_pod: ['spec'],
  kubernetes_deployment: ['spec', 'template', 'spec'],
  kubernetes_stateful_set: ['spec', 'template', 'spec'],
  kubernetes_daemon_set: ['spec', 'template', 'spec'],
  kubernetes_daemonset: ['spec', 'template', 'spec'],
  kubernetes_replication_controller: ['spec', 'template', 'spec'],
  kubernetes_job: ['spec', 'template', 'spec'],
  kubernetes_cron_job: ['spec', 'job_template', 'spec', 'template', 'spec'],
};

/** The overlay key of a path (nested block names, then the attribute or block name) in a type. */
export function noteKey(kind: SchemaKind, type: string, path: readonly string[]): string {
  const base = type.replace(/_v1$/, '');
  if (base.startsWith('kubernetes_')) {
    const root = kind === 'resource' ? POD_SPEC_ROOTS[base] : base === 'kubernetes_pod' ? ['spec'] : undefined;
    if (root && path.length > root.length && root.every((segment, i) => path[i] === segment)) return `pod.${path.slice(root.length).join('.')}`;
    const metadata = path.lastIndexOf('metadata');
    if (metadata >= 0 && metadata < path.length - 1 && (metadata === 0 || (root && path.length > metadata && isTemplateMetadata(path, metadata)))) {
      return `k8s.metadata.${path.slice(metadata + 1).join('.')}`;
    }
  }
  return [kind, base, ...path].join('.');
}

/** `spec.template.metadata` and `spec.job_template.metadata`-like places: a metadata block right under a template. */
function isTemplateMetadata(path: readonly string[], at: number): boolean {
  return path[at - 1] === 'template' || path[at - 1] === 'job_template';
}

/** The project's note for a path, if it has one. */
export function noteFor(kind: SchemaKind, type: string, path: readonly string[]): string | undefined {
  return NOTES[noteKey(kind, type, path)];
}

/** Every note key (for the test that keeps the overlay in step with the schemas). */
export function allNoteKeys(): string[] {
  return Object.keys(NOTES);
}
