/**
 * Values and map keys worth offering in completion, beyond the `allowedValues` of the schemas. Each rule
 * names where it applies (kind, resource types, block path from the resource body) and what to offer.
 * Facts: coder-domain-facts.md §1, §2, §4, §5, §7.
 */
import {
  DOCS_PAGE,
  dockerEnvValues,
  dockerImages,
  ENVBOX_DOCS,
  envNameValues,
  inPodSpec,
  kubernetesImages,
  podMetadata,
  PVC_TYPES,
  resource,
  SECRET_TYPES,
  SYSBOX_DOCS,
  SYSBOX_METHODS,
  type ValueLocation,
} from './knownValues';
import type { KnownMapKey, KnownValue } from './types';

export interface ValueRule {
  where: readonly ValueLocation[];
  attribute: string;
  /** Values for the attribute (for list/set attributes: values for one element). */
  values?: readonly KnownValue[];
  /** Keys for a map attribute. */
  mapKeys?: readonly KnownMapKey[];
}


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
