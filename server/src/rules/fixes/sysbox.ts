import { Container, podAnnotations, templateFacts } from '../../model/containers';
import { valuesOf } from '../../model/facts/reader';
import { SYSBOX_RUNTIME, USERNS_ANNOTATION, USERNS_VALUE, FIRST_KUBERNETES_WITH_RUNTIME_CLASS } from '../../model/facts/sysbox';
import type { TemplateModule } from '../../model/module';
import { providerOnlyBelow } from '../../model/providers';
import { isLiteral } from '../../model/facts/values';
import { attribute, unwrap } from '../../model/syntax';
import { FixBuilder } from '../edits';

/**
 * Puts a container under Sysbox: `runtime = "sysbox-runc"` on a `docker_container`; on Kubernetes the pod
 * spec's `runtime_class_name = "sysbox-runc"` and, where the pod's annotations are written out, the
 * user-namespace annotation Sysbox pods need (so the fix leaves no `sysbox-userns-annotation` behind).
 * Returns false, with nothing added, when that would act on something the user chose or that cannot be
 * seen: a runtime given by an expression, a pod spec that is not written out, a kubernetes provider
 * constraint that admits only versions without `runtime_class_name`, or privileges Sysbox conflicts with.
 */
export function addSysbox(builder: FixBuilder, module: TemplateModule, c: Container, ownPrivilegedGoes = false): boolean {
  const block = c.platform === 'docker' ? c.block : c.podSpec;
  if (!block) return false;
  if (c.platform === 'kubernetes' && providerOnlyBelow(module, 'hashicorp/kubernetes', FIRST_KUBERNETES_WITH_RUNTIME_CLASS)) return false;
  if (conflictsWithSysbox(module, c, ownPrivilegedGoes)) return false;
  const name = c.platform === 'docker' ? 'runtime' : 'runtime_class_name';
  const existing = attribute(block, name);
  if (existing && !isLiteral(existing.value)) return false;
  if (c.platform === 'kubernetes' && !addUsernsAnnotation(builder, c)) return false;
  if (existing?.value) builder.replaceNode(c.file, existing.value, `"${SYSBOX_RUNTIME}"`);
  else builder.insertAttribute(c.file, block, name, `"${SYSBOX_RUNTIME}"`);
  return true;
}

/**
 * Adds the user-namespace annotation to a pod's metadata: into a written-out `annotations` map, a new
 * `annotations` in `metadata`, or a new `metadata` block. True when it is there already or was added;
 * false when the annotations are computed (a variable, `merge(…)`) and the fix cannot tell.
 */
export function addUsernsAnnotation(builder: FixBuilder, c: Container): boolean {
  const key = `"${USERNS_ANNOTATION}"`;
  const value = `"${USERNS_VALUE}"`;
  const { attribute: annotations, entries } = podAnnotations(c);
  if (annotations) {
    const object = unwrap(annotations.value);
    if (object?.type !== 'object') return false;
    if (object.namedChildren.filter((n) => n?.type === 'object_elem').length !== entries.length) return false;
    if (entries.some((e) => e.key === USERNS_ANNOTATION)) return true;
    builder.insertObjectEntry(c.file, object, key, value);
  } else if (c.podMetadata) {
    builder.insertBlock(c.file, c.podMetadata, ['annotations = {', `  ${key} = ${value}`, '}']);
  } else if (c.podMetadataParent) {
    builder.insertBlock(c.file, c.podMetadataParent, ['metadata {', '  annotations = {', `    ${key} = ${value}`, '  }', '}']);
  } else {
    return false;
  }
  return true;
}

const DOCKER_HOST_MODES = ['network_mode', 'pid_mode', 'ipc_mode', 'userns_mode'];
const POD_HOST_NAMESPACES = ['host_network', 'host_pid', 'host_ipc'];

/**
 * What Sysbox refuses beside it, and a fix must not create: a privileged container (this one, unless the
 * fix removes its privilege, or another one of the same pod: the runtime class is the pod's), or host
 * namespaces, known or possibly set. Those are the user's to resolve.
 */
export function conflictsWithSysbox(module: TemplateModule, c: Container, ownPrivilegedGoes = false): boolean {
  const reader = valuesOf(module);
  if (c.platform === 'docker') {
    if (c.privileged !== false && !ownPrivilegedGoes) return true;
    return DOCKER_HOST_MODES.some((name) => {
      const a = attribute(c.block, name);
      const mode = a ? reader.string(a.value, c.file) : 'private';
      return mode === undefined || mode === 'host';
    });
  }
  const pod = templateFacts(module).containers.filter((x) => x.podSpec && x.podSpec.node.id === c.podSpec?.node.id && x.file === c.file);
  if (pod.some((x) => x.privileged !== false && !(ownPrivilegedGoes && x === c))) return true;
  return POD_HOST_NAMESPACES.some((name) => {
    const a = attribute(c.podSpec, name);
    return !!a && reader.bool(a.value, c.file) !== false;
  });
}
