/** The providers the extension knows, with the project's own one-line descriptions. */
import type { ProviderInfo, ProviderName } from './types';

export const PROVIDERS: readonly ProviderInfo[] = [
  {
    name: 'coder',
    source: 'coder/coder',
    description: 'Coder\'s provider: agents, apps, scripts, parameters and workspace facts.',
    docsUrl: 'https://registry.terraform.io/providers/coder/coder/latest/docs',
  },
  {
    name: 'docker',
    source: 'kreuzwerker/docker',
    description: 'Manages containers, images, networks and volumes on a Docker host.',
    docsUrl: 'https://registry.terraform.io/providers/kreuzwerker/docker/latest/docs',
  },
  {
    name: 'kubernetes',
    source: 'hashicorp/kubernetes',
    description: 'Manages Kubernetes objects; `runtime_class_name` (for Sysbox) needs 2.16.0 or newer, and 3.0.0 deprecates the unversioned resource names.',
    docsUrl: 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs',
  },
];

export function providerInfo(name: ProviderName | string): ProviderInfo | undefined {
  return PROVIDERS.find((p) => p.name === name);
}
