// The rendered scaffold cases every scaffold test (and the lint check) runs over: each of the seven
// methods with its default parameters and with non-default ones.
import { parse } from '@cdktf/hcl2json';
import type { MethodId } from '../../server/src/model/methodCatalog';
import { METHODS } from '../../server/src/model/methodCatalog';
import { renderScaffold } from '../../server/src/scaffold/render';

/** Non-default values for every parameter of every method. */
export const CUSTOM_PARAMETERS: Record<MethodId, Record<string, string>> = {
  'sysbox-docker': { name: 'team-sysbox', image: 'registry.example.com/platform/dev-image:2024.06' },
  'sysbox-kubernetes': {
    name: 'k8s-sysbox',
    namespace: 'dev-workspaces',
    image: 'registry.example.com:5000/dev/base:jammy',
    cpu: '1500m',
    memory: '8Gi',
  },
  envbox: { name: 'envbox-team-a', namespace: 'envbox', image: 'ghcr.io/acme/workspace:v2', cpu: '4', memory: '16Gi' },
  'rootless-podman': { name: 'podman-fedora', namespace: 'podman', image: 'quay.io/acme/podman', flavour: 'fedora', cpu: '0.5', memory: '2048Mi' },
  'privileged-sidecar-docker': { name: 'dind-docker', image: 'ubuntu:24.04', dindImage: 'docker:28-dind' },
  'privileged-sidecar-kubernetes': {
    name: 'dind-k8s',
    namespace: 'trusted-dind',
    image: 'codercom/enterprise-node:ubuntu',
    dindImage: 'mirror.example.com/library/docker:28.1-dind',
    cpu: '3',
    memory: '6Gi',
  },
  'systemd-sysbox': { name: 'systemd-ws', namespace: 'systemd', image: 'registry.example.com/systemd-base:24.04', cpu: '2', memory: '4Gi' },
};

export interface ScaffoldCase {
  /** e.g. "envbox (defaults)". */
  title: string;
  method: MethodId;
  variant: 'defaults' | 'custom';
  /** The parameters passed to renderScaffold ({} for defaults). */
  parameters: Record<string, string>;
  /** The parameter values in effect (defaults filled in). */
  values: Record<string, string>;
  /** Rendered files by path. */
  files: Record<string, string>;
}

export function scaffoldCases(): ScaffoldCase[] {
  const cases: ScaffoldCase[] = [];
  for (const method of METHODS) {
    const defaults = Object.fromEntries(method.parameters.map((parameter) => [parameter.name, parameter.default]));
    const variants: Array<['defaults' | 'custom', Record<string, string>]> = [
      ['defaults', {}],
      ['custom', CUSTOM_PARAMETERS[method.id]],
    ];
    for (const [variant, parameters] of variants) {
      const result = renderScaffold({ method: method.id, parameters });
      if (result.errors) throw new Error(`${method.id} (${variant}): ${JSON.stringify(result.errors)}`);
      cases.push({
        title: `${method.id} (${variant})`,
        method: method.id,
        variant,
        parameters,
        values: { ...defaults, ...parameters },
        files: Object.fromEntries(result.files.map((file) => [file.path, file.content])),
      });
    }
  }
  return cases;
}

/** The Go HCL parser's JSON for a rendered main.tf; throws on any syntax error. */
export async function parseMainTf(scaffold: ScaffoldCase): Promise<Record<string, any>> {
  return parse('main.tf', scaffold.files['main.tf']);
}
