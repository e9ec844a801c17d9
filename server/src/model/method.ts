import type { TemplateModule } from './module';
import { Container, templateFacts } from './containers';
import type { Declaration } from './fileIndex';
import { moduleTree } from './moduleTree';
import { runsSystemd } from './facts/systemd';

export { runsSystemd };

export const METHOD_IDS = [
  'sysbox-docker',
  'sysbox-kubernetes',
  'envbox',
  'rootless-podman',
  'privileged-sidecar-docker',
  'privileged-sidecar-kubernetes',
  'systemd-sysbox',
] as const;

export type MethodId = (typeof METHOD_IDS)[number];

export interface DetectedMethod {
  id: MethodId;
  /** The container that decided it (the workspace resource shows the method). */
  container: Container;
  /**
   * When that container sits in a local module the template calls: the `module` block in the template's
   * own files that leads to it (where the editor shows the method).
   */
  via?: Declaration;
}

const detected = new WeakMap<TemplateModule, DetectedMethod | null>();

/**
 * Classifies a Coder template by how it runs Docker in the workspace. The order matters: envbox and
 * podman are recognised by their images whatever else the pod holds; systemd needs its init; a dind
 * sidecar outranks a sysbox runtime on the same template.
 */
export function detectMethod(module: TemplateModule): DetectedMethod | null {
  if (!module.isCoderTemplate) return null;
  let method = detected.get(module);
  if (method !== undefined) return method;
  // Containers of the local modules the template calls count as its own (a `./modules/dind` sidecar).
  const containers: Container[] = [];
  const workspaceContainers: Container[] = [];
  const via = new Map<Container, Declaration | undefined>();
  for (const instance of moduleTree(module)) {
    const facts = templateFacts(instance.module);
    for (const c of facts.containers) via.set(c, instance.call);
    containers.push(...facts.containers);
    workspaceContainers.push(...facts.workspaceContainers);
  }
  method = classify(containers, workspaceContainers);
  if (method && via.get(method.container)) method.via = via.get(method.container);
  detected.set(module, method);
  return method;
}

function classify(containers: Container[], workspaceContainers: Container[]): DetectedMethod | null {
  const envbox = containers.find((c) => c.isEnvbox);
  if (envbox) return { id: 'envbox', container: envbox };
  const podman = containers.find((c) => c.isPodman && c.platform === 'kubernetes');
  if (podman) return { id: 'rootless-podman', container: podman };
  const systemd = containers.find((c) => c.platform === 'kubernetes' && runsSystemd(c));
  if (systemd) return { id: 'systemd-sysbox', container: systemd };
  const sidecar = containers.find((c) => c.isDindSidecar);
  if (sidecar) {
    const workspace = workspaceContainers.find((c) => c.platform === sidecar.platform) ?? sidecar;
    return { id: sidecar.platform === 'docker' ? 'privileged-sidecar-docker' : 'privileged-sidecar-kubernetes', container: workspace };
  }
  const sysbox = workspaceContainers.find((c) => c.sysbox);
  if (sysbox) return { id: sysbox.platform === 'docker' ? 'sysbox-docker' : 'sysbox-kubernetes', container: sysbox };
  return null;
}
