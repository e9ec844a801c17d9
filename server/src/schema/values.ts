/**
 * Values and map keys worth offering in completion, beyond the `allowedValues` of the schemas. Each rule
 * names where it applies (kind, resource types, block path from the resource body) and what to offer.
 * Facts: coder-domain-facts.md §1, §2, §4, §5, §7.
 */
import { envVarDocs } from './envVars';
import type { KnownMapKey, KnownValue, SchemaKind } from './types';

export interface ValueLocation {
  kind: SchemaKind;
  types: readonly string[];
  /** Nested block names from the resource body; `[]` is the resource body itself. */
  path: readonly string[];
}

export interface ValueRule {
  where: readonly ValueLocation[];
  attribute: string;
  /** Values for the attribute (for list/set attributes: values for one element). */
  values?: readonly KnownValue[];
  /** Keys for a map attribute. */
  mapKeys?: readonly KnownMapKey[];
}

const DOCS_PAGE = 'https://coder.com/docs/admin/templates/extending-templates/docker-in-workspaces';
const SYSBOX_DOCS = 'https://github.com/nestybox/sysbox';
const ENVBOX_DOCS = 'https://github.com/coder/envbox';

const POD_TYPES = ['kubernetes_pod', 'kubernetes_pod_v1'];
const DEPLOYMENT_TYPES = ['kubernetes_deployment', 'kubernetes_deployment_v1'];
const PVC_TYPES = ['kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume_claim_v1'];
const SECRET_TYPES = ['kubernetes_secret', 'kubernetes_secret_v1'];

function resource(types: readonly string[], path: readonly string[] = []): ValueLocation {
  return { kind: 'resource', types, path };
}

/** A path inside the pod spec, for pods (`spec.…`) and deployments (`spec.template.spec.…`). */
function inPodSpec(...suffix: string[]): ValueLocation[] {
  return [resource(POD_TYPES, ['spec', ...suffix]), resource(DEPLOYMENT_TYPES, ['spec', 'template', 'spec', ...suffix])];
}

/** The pod's own metadata: the pod's `metadata`, or a deployment's `spec.template.metadata`. */
function podMetadata(): ValueLocation[] {
  return [resource(POD_TYPES, ['metadata']), resource(DEPLOYMENT_TYPES, ['spec', 'template', 'metadata'])];
}

const SYSBOX_METHODS = ['sysbox-docker', 'sysbox-kubernetes', 'systemd-sysbox'];

const workspaceImage: KnownValue = {
  value: 'codercom/enterprise-base:ubuntu',
  description: 'Coder\'s Ubuntu base image for workspaces (the kubernetes starter\'s image and a common envbox inner image).',
  methods: ['sysbox-docker', 'sysbox-kubernetes', 'privileged-sidecar-docker', 'privileged-sidecar-kubernetes', 'systemd-sysbox', 'envbox'],
  docsUrl: 'https://github.com/coder/images',
};
const nodeImage: KnownValue = {
  value: 'codercom/enterprise-node:ubuntu',
  description: 'Coder\'s Node.js workspace image; the docker-devcontainer starter runs it privileged with an inner Docker daemon.',
  docsUrl: 'https://github.com/coder/images',
};
const dindImage: KnownValue = {
  value: 'docker:dind',
  description: 'Docker-in-Docker daemon for a privileged sidecar; the workspace reaches it through `DOCKER_HOST`.',
  methods: ['privileged-sidecar-docker', 'privileged-sidecar-kubernetes'],
  docsUrl: 'https://hub.docker.com/_/docker',
};
const envboxImage: KnownValue = {
  value: 'ghcr.io/coder/envbox:latest',
  description: 'Envbox outer container: must be privileged; starts the workspace image (`CODER_INNER_IMAGE`) inside under Sysbox.',
  methods: ['envbox'],
  docsUrl: ENVBOX_DOCS,
};
// The canonical podman image name and tag are UNVERIFIED (facts §1, §5): the archived community template
// uses ghcr.io/coder/podman:{ubuntu,fedora}, coder/images publishes codercom/enterprise-podman, and PR #28100
// shows codercom/example-podman:ubuntu. All are offered.
const podmanImages: KnownValue[] = [
  {
    value: 'ghcr.io/coder/podman:ubuntu',
    description: 'Rootless Podman workspace image (Ubuntu) from the archived community template; needs `/dev/fuse` via `github.com/fuse`.',
    methods: ['rootless-podman'],
    docsUrl: DOCS_PAGE,
  },
  {
    value: 'ghcr.io/coder/podman:fedora',
    description: 'Rootless Podman workspace image (Fedora) from the archived community template.',
    methods: ['rootless-podman'],
    docsUrl: DOCS_PAGE,
  },
  {
    value: 'codercom/enterprise-podman',
    description: 'Rootless Podman image from coder/images, built on `codercom/enterprise-base:ubuntu`; needs `user.max_user_namespaces` > 0 on the node.',
    methods: ['rootless-podman'],
    docsUrl: 'https://github.com/coder/images/tree/main/images/podman',
  },
  {
    value: 'codercom/example-podman:ubuntu',
    description: 'Rootless Podman image named by the current Coder docs\' Podman step.',
    methods: ['rootless-podman'],
    docsUrl: DOCS_PAGE,
  },
];

const dockerImages: readonly KnownValue[] = [workspaceImage, nodeImage, dindImage, envboxImage];
const kubernetesImages: readonly KnownValue[] = [workspaceImage, envboxImage, ...podmanImages, dindImage];

function uniqueEnvNames(): string[] {
  return [...new Set(envVarDocs.map((doc) => doc.name))];
}

const envNameValues: readonly KnownValue[] = uniqueEnvNames().map((name) => ({
  value: name,
  description: envVarDocs.find((doc) => doc.name === name)!.description,
  docsUrl: envVarDocs.find((doc) => doc.name === name)!.docsUrl,
}));

/** Docker's `env` is a set of `"KEY=VALUE"` strings, so offer the `KEY=` prefix. */
const dockerEnvValues: readonly KnownValue[] = envNameValues.map((known) => ({ ...known, value: `${known.value}=` }));

export const valueRules: readonly ValueRule[] = [
  // ---- coder_agent ----
  {
    where: [resource(['coder_agent'])],
    attribute: 'os',
    values: [
      { value: 'linux', description: 'Linux; every Docker-in-workspace method runs Linux containers.' },
      { value: 'darwin', description: 'macOS.' },
      { value: 'windows', description: 'Windows.' },
    ],
  },
  {
    where: [resource(['coder_agent'])],
    attribute: 'arch',
    values: [
      { value: 'amd64', description: '64-bit x86.' },
      { value: 'arm64', description: '64-bit ARM.' },
      { value: 'armv7', description: '32-bit ARM.' },
    ],
  },
  {
    where: [resource(['coder_agent'])],
    attribute: 'startup_script_behavior',
    values: [
      { value: 'blocking', description: 'Users wait for the startup script (e.g. until the inner Docker daemon is up) before they can log in.' },
      { value: 'non-blocking', description: 'Users can log in while the startup script still runs (default).' },
    ],
  },

  // ---- docker ----
  {
    where: [resource(['docker_container'])],
    attribute: 'runtime',
    values: [
      {
        value: 'sysbox-runc',
        description: 'Sysbox: the workspace can run Docker (and systemd) without `privileged`. Do not combine with `privileged` or host namespaces.',
        methods: SYSBOX_METHODS,
        docsUrl: SYSBOX_DOCS,
      },
    ],
  },
  { where: [resource(['docker_container'])], attribute: 'image', values: dockerImages },
  { where: [resource(['docker_image'])], attribute: 'name', values: dockerImages },
  { where: [resource(['docker_container'])], attribute: 'env', values: dockerEnvValues },
  {
    where: [resource(['docker_container'])],
    attribute: 'network_mode',
    values: [
      { value: 'bridge', description: 'Default bridge network.' },
      { value: 'host', description: 'Share the host\'s network; does not work with Sysbox.' },
      { value: 'none', description: 'No networking.' },
    ],
  },
  {
    where: [resource(['docker_container'], ['volumes'])],
    attribute: 'container_path',
    values: [
      { value: '/home/coder', description: 'Home directory of the `coder` user in Coder images; keep it on a volume.' },
      { value: '/var/lib/docker', description: 'Data root of an inner (or dind) Docker daemon; a volume keeps images across restarts.' },
    ],
  },
  {
    where: [resource(['docker_container'], ['mounts'])],
    attribute: 'type',
    values: [
      { value: 'bind', description: 'Mount a host path.' },
      { value: 'volume', description: 'Mount a Docker volume.' },
      { value: 'tmpfs', description: 'Mount an in-memory file system.' },
    ],
  },

  // ---- kubernetes pod spec ----
  {
    where: inPodSpec(),
    attribute: 'runtime_class_name',
    values: [
      {
        value: 'sysbox-runc',
        description: 'Sysbox RuntimeClass: the pod can run Docker and systemd without `privileged`. Needs the `io.kubernetes.cri-o.userns-mode` annotation and no privileged/host settings.',
        methods: ['sysbox-kubernetes', 'systemd-sysbox'],
        docsUrl: SYSBOX_DOCS,
      },
    ],
  },
  {
    where: inPodSpec(),
    attribute: 'node_selector',
    mapKeys: [
      {
        key: 'sysbox-runtime',
        value: '"running"',
        description: 'Label the Sysbox installer puts on nodes where Sysbox runs (the `sysbox-runc` RuntimeClass already selects it).',
        methods: ['sysbox-kubernetes', 'systemd-sysbox'],
        docsUrl: SYSBOX_DOCS,
      },
    ],
  },
  { where: inPodSpec('container'), attribute: 'image', values: kubernetesImages },
  { where: inPodSpec('container', 'env'), attribute: 'name', values: envNameValues },
  {
    where: inPodSpec('container', 'env', 'value_from', 'resource_field_ref'),
    attribute: 'resource',
    values: [
      { value: 'limits.cpu', description: 'CPU limit of the container; envbox reads it as `CODER_CPUS`.', methods: ['envbox'] },
      { value: 'limits.memory', description: 'Memory limit in bytes; envbox reads it as `CODER_MEMORY`.', methods: ['envbox'] },
      { value: 'requests.cpu', description: 'CPU request of the container.' },
      { value: 'requests.memory', description: 'Memory request in bytes.' },
    ],
  },
  {
    where: inPodSpec('container', 'env', 'value_from', 'field_ref'),
    attribute: 'field_path',
    values: [
      { value: 'metadata.name', description: 'Name of the pod.' },
      { value: 'metadata.namespace', description: 'Namespace of the pod.' },
      { value: 'spec.nodeName', description: 'Node the pod runs on.' },
      { value: 'status.podIP', description: 'IP address of the pod.' },
    ],
  },
  {
    where: inPodSpec('container', 'env', 'value_from', 'secret_key_ref'),
    attribute: 'key',
    values: [{ value: '.dockerconfigjson', description: 'Key of a `kubernetes.io/dockerconfigjson` secret; envbox takes it as `CODER_IMAGE_PULL_SECRET`.', methods: ['envbox'] }],
  },
  {
    where: inPodSpec('container', 'volume_mount'),
    attribute: 'mount_path',
    values: [
      { value: '/home/coder', description: 'Home directory; keep it on the PVC.' },
      ...[
        ['/var/lib/coder/docker', 'Envbox: Docker data of the inner container (PVC `sub_path = "cache/docker"`).'],
        ['/var/lib/coder/containers', 'Envbox: container storage of the inner container (PVC `sub_path = "cache/containers"`).'],
        ['/var/lib/sysbox', 'Envbox: Sysbox state (`empty_dir {}`).'],
        ['/var/lib/docker', 'Envbox: the outer Docker daemon\'s data (PVC `sub_path = "envbox/docker"`); also a dind sidecar\'s data root.'],
        ['/var/lib/containers', 'Envbox: outer container storage (PVC `sub_path = "envbox/containers"`).'],
        ['/usr/src', 'Envbox: host kernel sources (`host_path`, read-only).'],
        ['/lib/modules', 'Envbox: host kernel modules (`host_path`, read-only).'],
      ].map(([value, description]) => ({ value: value!, description: description!, methods: ['envbox'], docsUrl: ENVBOX_DOCS })),
    ],
  },
  {
    where: inPodSpec('container', 'resources'),
    attribute: 'limits',
    mapKeys: [
      { key: 'cpu', value: '"2"', description: 'CPU limit, in cores or millicores (`500m`).' },
      { key: 'memory', value: '"4Gi"', description: 'Memory limit, e.g. `4Gi`.' },
      {
        key: 'github.com/fuse',
        value: '1',
        description: 'One FUSE device from the fuse device plugin; rootless Podman needs it for fuse-overlayfs.',
        methods: ['rootless-podman'],
        docsUrl: DOCS_PAGE,
      },
      { key: 'ephemeral-storage', value: '"10Gi"', description: 'Limit on the node disk the container may use.' },
    ],
  },
  {
    where: inPodSpec('container', 'resources'),
    attribute: 'requests',
    mapKeys: [
      { key: 'cpu', value: '"250m"', description: 'CPU reserved for scheduling.' },
      { key: 'memory', value: '"512Mi"', description: 'Memory reserved for scheduling.' },
      { key: 'ephemeral-storage', value: '"1Gi"', description: 'Node disk reserved for scheduling.' },
    ],
  },
  {
    where: podMetadata(),
    attribute: 'annotations',
    mapKeys: [
      {
        key: 'io.kubernetes.cri-o.userns-mode',
        value: '"auto:size=65536"',
        description: 'Gives a Sysbox pod its own user namespace with 65536 IDs (CRI-O); needed with `runtime_class_name = "sysbox-runc"`.',
        methods: ['sysbox-kubernetes', 'systemd-sysbox'],
        docsUrl: SYSBOX_DOCS,
      },
      {
        key: 'container.apparmor.security.beta.kubernetes.io/<container>',
        value: '"unconfined"',
        description: 'Runs the named container without AppArmor confinement, which rootless Podman needs on Debian/Ubuntu nodes. The suffix must be the container\'s name.',
        containerPlaceholder: true,
        methods: ['rootless-podman'],
        docsUrl: DOCS_PAGE,
      },
    ],
  },

  // ---- other kubernetes resources ----
  {
    where: [resource(PVC_TYPES, ['spec'])],
    attribute: 'access_modes',
    values: [
      { value: 'ReadWriteOnce', description: 'Mounted read-write by one node; the usual choice for a workspace home.' },
      { value: 'ReadOnlyMany', description: 'Mounted read-only by many nodes.' },
      { value: 'ReadWriteMany', description: 'Mounted read-write by many nodes.' },
      { value: 'ReadWriteOncePod', description: 'Mounted read-write by one pod.' },
    ],
  },
  {
    where: [resource(PVC_TYPES, ['spec', 'resources'])],
    attribute: 'requests',
    mapKeys: [{ key: 'storage', value: '"10Gi"', description: 'Size of the volume.' }],
  },
  {
    where: [resource(SECRET_TYPES)],
    attribute: 'type',
    values: [
      { value: 'Opaque', description: 'Arbitrary key/value data (default).' },
      { value: 'kubernetes.io/dockerconfigjson', description: 'Registry credentials under the key `.dockerconfigjson`, e.g. for envbox\'s `CODER_IMAGE_PULL_SECRET`.' },
    ],
  },
];
