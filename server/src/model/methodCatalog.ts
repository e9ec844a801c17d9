import type { MethodId } from './method';
import type { MethodInfo, ScaffoldParameter } from '../../../shared/src/protocol';

export type { MethodId };

export interface Method extends MethodInfo {
  id: MethodId;
}

const DOCS_PAGE = 'https://coder.com/docs/admin/templates/extending-templates/docker-in-workspaces';

// Coder's CLI rejects template names of 32 characters or more ("Template name must be less than 32
// characters"). The pattern is stricter than Coder's own (lower case only) because the name is also the
// default folder name, and folders that differ only in case clash on macOS and Windows.
const templateName: ScaffoldParameter = {
  name: 'name',
  prompt: 'Template name (as shown in Coder)',
  default: '',
  validation: {
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    maxLength: 31,
    message: 'Use lower-case letters, digits and single hyphens, under 32 characters (Coder rejects 32 or more)',
  },
};

// A Kubernetes namespace is a DNS-1123 label.
const namespace: ScaffoldParameter = {
  name: 'namespace',
  prompt: 'Kubernetes namespace the workspaces run in',
  default: 'coder-workspaces',
  validation: {
    pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    maxLength: 63,
    message: 'A namespace is a DNS label: lower-case letters, digits and hyphens, at most 63 characters, starting and ending with a letter or digit',
  },
};

// An image reference as Docker parses it (registry[:port]/path[:tag][@digest]). Because the value is
// written into a Terraform string, the pattern also keeps out quotes, `${` and spaces.
const IMAGE_PATTERN =
  '^[a-z0-9]+([._-][a-z0-9]+)*(\\.[a-z0-9]+([._-][a-z0-9]+)*)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$';
const IMAGE_MESSAGE = 'Give an image reference such as codercom/enterprise-base:ubuntu or registry.example.com/team/image:tag';

function image(prompt: string, defaultValue: string): ScaffoldParameter {
  return { name: 'image', prompt, default: defaultValue, validation: { pattern: IMAGE_PATTERN, maxLength: 255, message: IMAGE_MESSAGE } };
}

const cpu: ScaffoldParameter = {
  name: 'cpu',
  prompt: 'CPU limit of the workspace (Kubernetes quantity, e.g. 2 or 500m)',
  default: '2',
  validation: {
    pattern: '^([1-9][0-9]*(\\.[0-9]+)?|0\\.[0-9]*[1-9][0-9]*|[1-9][0-9]*m)$',
    maxLength: 10,
    message: 'Give a positive CPU quantity: whole or decimal cores (2, 1.5) or millicores (500m)',
  },
};

const memory: ScaffoldParameter = {
  name: 'memory',
  prompt: 'Memory limit of the workspace (Kubernetes quantity, e.g. 4Gi)',
  default: '4Gi',
  validation: {
    pattern: '^[1-9][0-9]*(Ki|Mi|Gi|Ti|k|M|G|T)$',
    maxLength: 12,
    message: 'Give a memory quantity with a unit, such as 512Mi or 4Gi',
  },
};

const dindImage: ScaffoldParameter = {
  name: 'dindImage',
  prompt: 'Docker-in-Docker sidecar image (pin a major version, e.g. docker:28-dind, for repeatable builds)',
  default: 'docker:dind',
  validation: {
    pattern: `^(?=.*dind)${IMAGE_PATTERN.slice(1)}`,
    maxLength: 255,
    message: `${IMAGE_MESSAGE}; the sidecar needs a Docker-in-Docker image such as docker:dind`,
  },
};

const flavour: ScaffoldParameter = {
  name: 'flavour',
  prompt: 'Podman image flavour',
  default: 'ubuntu',
  choices: ['ubuntu', 'fedora'],
  validation: { pattern: '^(ubuntu|fedora)$', message: 'Choose ubuntu or fedora' },
};

const podmanImage: ScaffoldParameter = {
  name: 'image',
  prompt: 'Podman image repository, without a tag (the tag is the flavour)',
  default: 'ghcr.io/coder/podman',
  validation: {
    pattern: '^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*$',
    maxLength: 200,
    message: 'Give an image repository without a tag, such as ghcr.io/coder/podman; the flavour becomes the tag',
  },
};

const withName = (params: ScaffoldParameter[], defaultName: MethodId): ScaffoldParameter[] => [
  { ...templateName, default: defaultName },
  ...params,
];

/** The one table of methods: the CLI, the palette, the renderer and method detection read it. */
export const METHODS: readonly Method[] = [
  {
    id: 'sysbox-docker',
    title: 'Sysbox container runtime (Docker)',
    platform: 'docker',
    summary:
      'The workspace container runs under the sysbox-runc runtime on the Docker host, so the workspace starts its own dockerd without being privileged.',
    requirements: [
      'Sysbox installed on the Docker host, with sysbox-runc registered as a Docker runtime',
      'A Linux distribution and kernel in Sysbox\u2019s compatibility matrix (kernels below 5.12 need shiftfs)',
      'A workspace image that contains Docker (codercom/enterprise-base does)',
    ],
    limitations: [
      'Requires compatible hosts; Sysbox cannot be combined with privileged, host network, PID or user namespace modes',
    ],
    docsUrl: `${DOCS_PAGE}#use-sysbox-in-docker-based-templates`,
    parameters: withName([image('Workspace image (must contain Docker)', 'codercom/enterprise-base:ubuntu')], 'sysbox-docker'),
  },
  {
    id: 'sysbox-kubernetes',
    title: 'Sysbox container runtime (Kubernetes)',
    platform: 'kubernetes',
    summary:
      'The workspace pod uses the sysbox-runc RuntimeClass, so the workspace starts its own dockerd without being privileged. Works with GKE, EKS, AKS.',
    requirements: [
      'Sysbox installed on the nodes (label them sysbox-install=yes and apply sysbox-install.yaml); it creates the sysbox-runc RuntimeClass',
      'Ubuntu worker nodes (Noble, Jammy, Focal or Bionic) with kernel 5.4+; Sysbox v0.7 supports Kubernetes v1.32\u2013v1.35',
      'hashicorp/kubernetes provider 2.16.0 or newer (runtime_class_name)',
      'A workspace image that contains Docker (codercom/enterprise-base does)',
    ],
    limitations: [
      'Requires compatible nodes; pods land only on nodes labelled sysbox-runtime=running',
      'No privileged containers, hostNetwork, hostPID or hostIPC in a Sysbox pod',
      'Uses the CRI-O user-namespace annotation; the Terraform provider cannot set hostUsers: false',
    ],
    docsUrl: `${DOCS_PAGE}#use-sysbox-in-kubernetes-based-templates`,
    parameters: withName(
      [namespace, image('Workspace image (must contain Docker)', 'codercom/enterprise-base:ubuntu'), cpu, memory],
      'sysbox-kubernetes',
    ),
  },
  {
    id: 'envbox',
    title: 'Envbox',
    platform: 'kubernetes',
    summary:
      'A privileged envbox container runs Sysbox itself and starts the workspace as an unprivileged inner container, so the nodes need no Sysbox install. Works with GKE, EKS, AKS.',
    requirements: [
      'Nodes whose kernel meets Sysbox\u2019s requirements (the same as running Sysbox directly)',
      'Privileged pods allowed in the namespace (the outer envbox container must be privileged)',
      'Read-only host paths /usr/src and /lib/modules on the nodes',
      'An inner image with a coder user and Docker (codercom/enterprise-base does)',
    ],
    limitations: [
      'Requires running the outer container as privileged (the inner workspace container is locked down)',
      'Requires compatible nodes',
      'The first start is slower: envbox pulls the inner image into its own Docker cache',
    ],
    docsUrl: `${DOCS_PAGE}#envbox`,
    parameters: withName(
      [namespace, image('Inner workspace image (CODER_INNER_IMAGE; must contain Docker and a coder user)', 'codercom/enterprise-base:ubuntu'), cpu, memory],
      'envbox',
    ),
  },
  {
    id: 'rootless-podman',
    title: 'Rootless Podman',
    platform: 'kubernetes',
    summary:
      'Podman runs rootless inside an ordinary, unprivileged pod; no custom runtime. Works with GKE, EKS, AKS, RKE, OpenShift.',
    requirements: [
      'A FUSE device plugin on the nodes that advertises the github.com/fuse resource (the docs deploy soolaugust/fuse-device-plugin and label nodes smarter-device-manager=enabled)',
      'User namespaces enabled on the nodes (user.max_user_namespaces > 0; Bottlerocket needs it set)',
      'AppArmor set to unconfined for the workspace container (Debian/Ubuntu nodes)',
    ],
    limitations: [
      'Requires a FUSE device plugin; on managed clusters set node labels through the cloud provider or they are lost',
      'SELinux nodes (Fedora, CentOS, RHEL) may need SELinux permissive',
      'Podman, not Docker: the docker command is an alias and some Docker features differ',
    ],
    docsUrl: `${DOCS_PAGE}#rootless-podman`,
    parameters: withName([namespace, podmanImage, flavour, cpu, memory], 'rootless-podman'),
  },
  {
    id: 'privileged-sidecar-docker',
    title: 'Privileged docker sidecar (Docker)',
    platform: 'docker',
    summary:
      'A privileged docker:dind container runs beside the workspace and shares its network namespace; the workspace talks to it on 127.0.0.1. For hosts that cannot run Sysbox.',
    requirements: ['A Docker host that allows privileged containers'],
    limitations: [
      'Requires a privileged container: workspaces can break out to root on the host machine',
      'Use only for trusted users; prefer Sysbox where the host supports it',
    ],
    docsUrl: `${DOCS_PAGE}#use-a-privileged-sidecar-container-in-docker-based-templates`,
    parameters: withName(
      [image('Workspace image (needs only the Docker CLI)', 'codercom/enterprise-base:ubuntu'), dindImage],
      'privileged-sidecar-docker',
    ),
  },
  {
    id: 'privileged-sidecar-kubernetes',
    title: 'Privileged docker sidecar (Kubernetes)',
    platform: 'kubernetes',
    summary:
      'A privileged docker:dind sidecar runs in the workspace pod and listens on the pod\u2019s loopback address. For clusters that cannot run Sysbox.',
    requirements: ['Privileged pods allowed in the namespace (Pod Security admission "privileged")'],
    limitations: [
      'Requires a privileged container: workspaces can break out to root on the node',
      'Use only for trusted users; prefer Sysbox or rootless Podman where the cluster supports them',
    ],
    docsUrl: `${DOCS_PAGE}#use-a-privileged-sidecar-container-in-kubernetes-based-templates`,
    parameters: withName(
      [namespace, image('Workspace image (needs only the Docker CLI)', 'codercom/enterprise-base:ubuntu'), dindImage, cpu, memory],
      'privileged-sidecar-kubernetes',
    ),
  },
  {
    id: 'systemd-sysbox',
    title: 'Systemd in Docker (Sysbox)',
    platform: 'kubernetes',
    summary:
      'The workspace pod runs systemd as PID 1 under the sysbox-runc RuntimeClass; the Coder agent starts as the coder user once systemd is up, and Docker runs as a systemd service.',
    requirements: [
      'Sysbox installed on the nodes (it creates the sysbox-runc RuntimeClass)',
      'hashicorp/kubernetes provider 2.16.0 or newer (runtime_class_name)',
      'A workspace image with systemd, sudo, Docker and a coder user',
    ],
    limitations: [
      'Requires compatible nodes',
      'The pod runs as root (run_as_user = 0) so systemd can start; Sysbox maps that root to an unprivileged host user',
      'No shareProcessNamespace: systemd must be PID 1',
    ],
    docsUrl: `${DOCS_PAGE}#systemd-in-docker`,
    parameters: withName(
      [namespace, image('Workspace image (must contain systemd, sudo and Docker)', 'codercom/enterprise-base:ubuntu'), cpu, memory],
      'systemd-sysbox',
    ),
  },
];

export function methodById(id: string): Method | undefined {
  return METHODS.find((method) => method.id === id);
}

/** The plain protocol form, for `coderDind.server.listMethods`. */
export function listMethods(): MethodInfo[] {
  return METHODS.map((method) => ({ ...method, parameters: method.parameters.map((parameter) => ({ ...parameter })) }));
}
