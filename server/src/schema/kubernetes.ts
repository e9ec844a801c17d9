/**
 * hashicorp/kubernetes provider (facts: reference/coder-domain-facts.md §7, HEAD v3.2.1). Each resource is
 * defined once and registered twice: as `<type>_v1` and as the unversioned name that 3.0.0 deprecated.
 * Both share the same attribute and block objects, and the pod spec is shared with deployment templates.
 */
import { block, fillDocsUrl, opt, renamed, req, ro } from './build';
import type { AttributeSchema, BlockSchema, ResourceSchema } from './types';

const REGISTRY = 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources';

// ---- metadata -------------------------------------------------------------------------------------------

const metadataAttributes: readonly AttributeSchema[] = [
  opt('name', 'string', 'Name of the object, unique in its namespace. Set this or `generate_name`.'),
  opt('namespace', 'string', 'Namespace of the object; Coder templates usually take it from a variable.', { default: '"default"' }),
  opt('labels', 'map(string)', 'Labels used to select and organise objects, e.g. `com.coder.workspace.id`.'),
  opt('annotations', 'map(string)', 'Annotations; Sysbox pods need `io.kubernetes.cri-o.userns-mode`, Podman pods an AppArmor `unconfined` annotation.'),
  opt('generate_name', 'string', 'Prefix for a name Kubernetes makes unique; used when `name` is not set.'),
  ro('generation', 'number', 'Generation of the desired state, set by the server.'),
  ro('resource_version', 'string', 'Version of the object, set by the server.'),
  ro('uid', 'string', 'Unique ID of the object, set by the server.'),
];

const metadata = block('metadata', 'Name, namespace, labels and annotations of the object.', metadataAttributes, [], { minItems: 1, maxItems: 1 });
const templateMetadata = block('metadata', 'Labels and annotations of the pods the deployment creates; pod annotations for Sysbox or Podman go here.', metadataAttributes, [], {
  maxItems: 1,
});

// ---- container ------------------------------------------------------------------------------------------

const keyRef = (name: string, source: string): BlockSchema =>
  block(
    name,
    `Reads the value from a key of a ${source}.`,
    [
      opt('name', 'string', `Name of the ${source}.`),
      opt('key', 'string', `Key in the ${source}, e.g. \`.dockerconfigjson\` for an envbox pull secret.`),
      opt('optional', 'bool', `Allow the ${source} or key to be missing.`),
    ],
    [],
    { maxItems: 1 },
  );

const env = block('env', 'One environment variable of the container (envbox reads its settings from these, e.g. `CODER_INNER_IMAGE`).', [
  req('name', 'string', 'Name of the variable.'),
  opt('value', 'string', 'Literal value. Use `value_from` for secrets and resource limits.'),
], [
  block(
    'value_from',
    'Takes the value from a secret, config map, pod field or resource limit.',
    [],
    [
      keyRef('secret_key_ref', 'secret'),
      keyRef('config_map_key_ref', 'config map'),
      block(
        'field_ref',
        'Reads a field of the pod, e.g. `metadata.name` or `status.podIP`.',
        [req('field_path', 'string', 'Path of the pod field.'), opt('api_version', 'string', 'API version the path is written against.', { default: '"v1"' })],
        [],
        { maxItems: 1 },
      ),
      block(
        'resource_field_ref',
        'Reads a resource limit or request of a container; envbox takes `CODER_CPUS` from `limits.cpu` and `CODER_MEMORY` (bytes) from `limits.memory`.',
        [
          req('resource', 'string', 'The resource, e.g. `limits.cpu` or `limits.memory`.'),
          opt('container_name', 'string', 'Container whose resources are read (defaults to this one).'),
          opt('divisor', 'string', 'Unit to express the value in, e.g. `1` or `1Mi`.'),
        ],
        [],
        { maxItems: 1 },
      ),
    ],
    { maxItems: 1 },
  ),
]);

const envFromRef = (name: string, source: string): BlockSchema =>
  block(name, `The ${source} whose keys become variables.`, [req('name', 'string', `Name of the ${source}.`), opt('optional', 'bool', `Allow the ${source} to be missing.`)], [], {
    maxItems: 1,
  });

const envFrom = block('env_from', 'Turns every key of a secret or config map into environment variables.', [opt('prefix', 'string', 'Prefix added to each variable name.')], [
  envFromRef('config_map_ref', 'config map'),
  envFromRef('secret_ref', 'secret'),
]);

const resources = block(
  'resources',
  'CPU, memory and device requests and limits; rootless Podman needs `"github.com/fuse" = 1` in `limits`.',
  [
    opt('limits', 'map(string)', 'Most the container may use, e.g. `cpu = "2"`, `memory = "4Gi"`, `"github.com/fuse" = 1`.'),
    opt('requests', 'map(string)', 'Amount reserved for scheduling, e.g. `cpu = "250m"`, `memory = "512Mi"`.'),
  ],
  [],
  { maxItems: 1 },
);

const capabilities = block(
  'capabilities',
  'Linux capabilities to add or drop.',
  [opt('add', 'list(string)', 'Capabilities to add, e.g. `SYS_ADMIN`.'), opt('drop', 'list(string)', 'Capabilities to drop, e.g. `ALL`.')],
  [],
  { maxItems: 1 },
);

const seccompProfile = block(
  'seccomp_profile',
  'Seccomp profile applied to the processes.',
  [
    opt('type', 'string', 'Kind of profile.', { allowedValues: ['Unconfined', 'RuntimeDefault', 'Localhost'] }),
    opt('localhost_profile', 'string', 'Profile file on the node, for `type = "Localhost"`.'),
  ],
  [],
  { maxItems: 1 },
);

const seLinuxOptions = block(
  'se_linux_options',
  'SELinux labels applied to the processes.',
  [
    opt('level', 'string', 'SELinux level label.'),
    opt('role', 'string', 'SELinux role label.'),
    opt('type', 'string', 'SELinux type label.'),
    opt('user', 'string', 'SELinux user label.'),
  ],
  [],
  { maxItems: 1 },
);

const containerSecurityContext = block(
  'security_context',
  'Privileges of this container. `privileged = true` is needed for a dind sidecar and the envbox outer container, never with Sysbox.',
  [
    opt('allow_privilege_escalation', 'bool', 'Let a process gain more privileges than its parent (e.g. through setuid `sudo`).'),
    opt('privileged', 'bool', 'Run with all host capabilities and devices: root on the node. Required by envbox and dind sidecars; not allowed with `runtime_class_name = "sysbox-runc"`.'),
    opt('read_only_root_filesystem', 'bool', 'Mount the container\'s root file system read-only.'),
    opt('run_as_group', 'string', 'Group ID the processes run as (a number, as string or number).'),
    opt('run_as_non_root', 'bool', 'Refuse to start when the image would run as root.'),
    opt('run_as_user', 'string', 'User ID the processes run as; the provider accepts `1000` or `"1000"`.'),
  ],
  [capabilities, seccompProfile, seLinuxOptions],
  { maxItems: 1 },
);

const volumeMount = block('volume_mount', 'Mounts one of the pod\'s volumes into the container (envbox needs several, e.g. `/var/lib/sysbox`, `/var/lib/coder/docker`).', [
  req('name', 'string', 'Name of a `volume` of the pod.'),
  req('mount_path', 'string', 'Path in the container.'),
  opt('sub_path', 'string', 'Path inside the volume to mount instead of its root, e.g. `home` or `cache/docker`.'),
  opt('read_only', 'bool', 'Mount read-only (e.g. `/usr/src` and `/lib/modules` for envbox).', { default: 'false' }),
  opt('mount_propagation', 'string', 'How mounts propagate between host and container.', { allowedValues: ['None', 'HostToContainer', 'Bidirectional'] }),
]);

const port = block('port', 'A port the container listens on.', [
  req('container_port', 'number', 'Port number in the container.'),
  opt('name', 'string', 'Name of the port.'),
  opt('protocol', 'string', 'Protocol of the port.', { allowedValues: ['TCP', 'UDP', 'SCTP'], default: '"TCP"' }),
  opt('host_port', 'number', 'Port to open on the node.'),
  opt('host_ip', 'string', 'Node address to bind the host port to.'),
]);

const probe = (name: string, description: string): BlockSchema =>
  block(
    name,
    description,
    [
      opt('initial_delay_seconds', 'number', 'Seconds after start before the first probe.'),
      opt('period_seconds', 'number', 'Seconds between probes.'),
      opt('timeout_seconds', 'number', 'Seconds a probe may take.'),
      opt('failure_threshold', 'number', 'Failures in a row that count as failed.'),
      opt('success_threshold', 'number', 'Successes in a row that count as succeeded.'),
    ],
    [
      block('exec', 'Probe by running a command in the container.', [opt('command', 'list(string)', 'Command to run; exit code 0 means success.')], [], { maxItems: 1 }),
      block(
        'http_get',
        'Probe with an HTTP GET request.',
        [
          opt('path', 'string', 'Path to request.'),
          opt('port', 'string', 'Port number or name.'),
          opt('host', 'string', 'Host to connect to (defaults to the pod IP).'),
          opt('scheme', 'string', 'Scheme of the request.', { allowedValues: ['HTTP', 'HTTPS'] }),
        ],
        [],
        { maxItems: 1 },
      ),
      block('tcp_socket', 'Probe by opening a TCP connection.', [req('port', 'string', 'Port number or name.')], [], { maxItems: 1 }),
    ],
    { maxItems: 1 },
  );

const container = block(
  'container',
  'A container of the pod: the workspace container running the Coder agent, or a sidecar such as `docker:dind`.',
  [
    req('name', 'string', 'Name of the container; AppArmor annotations refer to it.'),
    opt('image', 'string', 'Image to run, e.g. `codercom/enterprise-base:ubuntu` or `ghcr.io/coder/envbox:latest`.'),
    opt('command', 'list(string)', 'Entrypoint override; workspace containers often run `["sh", "-c", coder_agent.main.init_script]`.'),
    opt('args', 'list(string)', 'Arguments to the entrypoint, e.g. `["--host", "tcp://127.0.0.1:2375"]` for a dind sidecar.'),
    opt('image_pull_policy', 'string', 'When the kubelet pulls the image.', { allowedValues: ['Always', 'IfNotPresent', 'Never'] }),
    opt('working_dir', 'string', 'Working directory of the container.'),
    opt('stdin', 'bool', 'Keep STDIN open.'),
    opt('stdin_once', 'bool', 'Close STDIN after the first client detaches.'),
    opt('tty', 'bool', 'Allocate a TTY.'),
    opt('termination_message_path', 'string', 'File the container writes its termination message to.'),
    opt('termination_message_policy', 'string', 'Where the termination message comes from.', { allowedValues: ['File', 'FallbackToLogsOnError'] }),
  ],
  [
    env,
    envFrom,
    resources,
    containerSecurityContext,
    volumeMount,
    port,
    probe('liveness_probe', 'Restarts the container when this check fails.'),
    probe('readiness_probe', 'Marks the container ready when this check passes.'),
    probe('startup_probe', 'Holds back the other probes until this check passes.'),
  ],
);

const initContainer = renamed(container, 'init_container', 'A container that runs to completion before the pod\'s other containers start, e.g. to prepare a volume.', {});

// ---- pod spec -------------------------------------------------------------------------------------------

const podSecurityContext = block(
  'security_context',
  'User, group and kernel settings for every container in the pod. Sysbox pods use `run_as_user = 1000`; systemd needs `run_as_user = 0`.',
  [
    opt('fs_group', 'string', 'Group that owns mounted volumes; the provider accepts `1000` or `"1000"`.'),
    opt('fs_group_change_policy', 'string', 'When volume ownership is changed to `fs_group`.', { allowedValues: ['OnRootMismatch', 'Always'] }),
    opt('run_as_group', 'string', 'Group ID the pod\'s processes run as.'),
    opt('run_as_non_root', 'bool', 'Refuse to start containers whose image runs as root.'),
    opt('run_as_user', 'string', 'User ID the pod\'s processes run as; the provider accepts `1000` or `"1000"`. `0` for systemd containers.'),
    opt('supplemental_groups', 'set(string)', 'Extra group IDs for the pod\'s processes.'),
  ],
  [
    seccompProfile,
    seLinuxOptions,
    block('sysctl', 'A namespaced kernel parameter set for the pod.', [req('name', 'string', 'Name of the sysctl.'), req('value', 'string', 'Value of the sysctl.')]),
    block(
      'windows_options',
      'Settings for Windows containers.',
      [
        opt('gmsa_credential_spec', 'string', 'GMSA credential spec content.'),
        opt('gmsa_credential_spec_name', 'string', 'Name of the GMSA credential spec.'),
        opt('host_process', 'bool', 'Run as a Windows host process.'),
        opt('run_as_username', 'string', 'Windows user name for the processes.'),
      ],
      [],
      { maxItems: 1 },
    ),
  ],
  { maxItems: 1 },
);

const keyToPath = block('items', 'Selects keys to project and the file each becomes.', [
  req('key', 'string', 'Key to project.'),
  req('path', 'string', 'Relative file path for the key.'),
  opt('mode', 'string', 'Permission bits of the file, e.g. `0644`.'),
]);

const volume = block('volume', 'A volume the pod\'s containers can mount with `volume_mount`.', [req('name', 'string', 'Name of the volume, used by `volume_mount.name`.')], [
  block(
    'empty_dir',
    'A scratch directory that lives as long as the pod (envbox uses one for `/var/lib/sysbox`; a dind sidecar for `/var/lib/docker`).',
    [opt('medium', 'string', 'Backing medium; `Memory` for tmpfs.', { allowedValues: ['', 'Memory'] }), opt('size_limit', 'string', 'Most data the directory may hold, e.g. `10Gi`.')],
    [],
    { maxItems: 1 },
  ),
  block(
    'host_path',
    'A directory or file of the node (envbox mounts `/usr/src` and `/lib/modules` this way).',
    [req('path', 'string', 'Path on the node.'), opt('type', 'string', 'Check made on the path, e.g. `Directory`.')],
    [],
    { maxItems: 1 },
  ),
  block(
    'persistent_volume_claim',
    'A persistent volume claim, e.g. the workspace home.',
    [req('claim_name', 'string', 'Name of the claim, e.g. `kubernetes_persistent_volume_claim_v1.home.metadata.0.name`.'), opt('read_only', 'bool', 'Mount the claim read-only.')],
    [],
    { maxItems: 1 },
  ),
  block(
    'secret',
    'Files made from the keys of a secret.',
    [
      opt('secret_name', 'string', 'Name of the secret.'),
      opt('default_mode', 'string', 'Permission bits of the files, e.g. `0644`.'),
      opt('optional', 'bool', 'Allow the secret to be missing.'),
    ],
    [keyToPath],
    { maxItems: 1 },
  ),
  block(
    'config_map',
    'Files made from the keys of a config map.',
    [
      opt('name', 'string', 'Name of the config map.'),
      opt('default_mode', 'string', 'Permission bits of the files, e.g. `0644`.'),
      opt('optional', 'bool', 'Allow the config map to be missing.'),
    ],
    [keyToPath],
    { maxItems: 1 },
  ),
]);

const labelSelectorRequirement = block('match_expressions', 'A label requirement built from a key, an operator and values.', [
  opt('key', 'string', 'Label key.'),
  opt('operator', 'string', 'How the key relates to the values.', { allowedValues: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }),
  opt('values', 'set(string)', 'Values for `In` and `NotIn`.'),
]);

const nodeSelectorRequirement = block('match_expressions', 'A requirement on a node label.', [
  req('key', 'string', 'Node label key.'),
  req('operator', 'string', 'How the label relates to the values.', { allowedValues: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] }),
  opt('values', 'set(string)', 'Values to compare with.'),
]);

const nodeSelectorTerm = block('node_selector_term', 'A set of node requirements; a node matching any term qualifies.', [], [nodeSelectorRequirement]);

const podAffinityTerm = block('pod_affinity_term', 'Pods to be near (or away from), and the topology that defines "near".', [
  req('topology_key', 'string', 'Node label that groups nodes, e.g. `kubernetes.io/hostname`.'),
  opt('namespaces', 'set(string)', 'Namespaces of the pods to match.'),
], [block('label_selector', 'Labels of the pods to match.', [opt('match_labels', 'map(string)', 'Labels that must all match.')], [labelSelectorRequirement])]);

const affinity = block(
  'affinity',
  'Scheduling preferences: which nodes the pod may run on and which pods it should be near or away from.',
  [],
  [
    block(
      'node_affinity',
      'Rules about node labels (e.g. keep workspaces on nodes with Sysbox installed).',
      [],
      [
        block('required_during_scheduling_ignored_during_execution', 'Hard node requirements.', [], [nodeSelectorTerm], { maxItems: 1 }),
        block(
          'preferred_during_scheduling_ignored_during_execution',
          'Soft node preferences, each with a weight.',
          [req('weight', 'number', 'Weight of the preference, 1–100.')],
          [block('preference', 'The node requirement preferred.', [], [nodeSelectorRequirement], { maxItems: 1 })],
        ),
      ],
      { maxItems: 1 },
    ),
    block('pod_affinity', 'Rules to place the pod near matching pods.', [], [renamed(podAffinityTerm, 'required_during_scheduling_ignored_during_execution', 'Hard requirements.')], {
      maxItems: 1,
    }),
    block('pod_anti_affinity', 'Rules to keep the pod away from matching pods.', [], [renamed(podAffinityTerm, 'required_during_scheduling_ignored_during_execution', 'Hard requirements.')], {
      maxItems: 1,
    }),
  ],
  { maxItems: 1 },
);

const toleration = block('toleration', 'Lets the pod run on nodes with a matching taint (e.g. dedicated Sysbox nodes).', [
  opt('key', 'string', 'Taint key to tolerate.'),
  opt('operator', 'string', 'How the key relates to the value.', { allowedValues: ['Equal', 'Exists'], default: '"Equal"' }),
  opt('value', 'string', 'Taint value to tolerate.'),
  opt('effect', 'string', 'Taint effect to tolerate; empty means all.', { allowedValues: ['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'] }),
  opt('toleration_seconds', 'string', 'For `NoExecute`: how long the pod stays after the taint appears.'),
]);

/** Pod spec shared by `kubernetes_pod(_v1).spec` and `kubernetes_deployment(_v1).spec.template.spec`. */
export const podSpec: BlockSchema = block(
  'spec',
  'What runs in the pod: containers, volumes, security and scheduling.',
  [
    opt('runtime_class_name', 'string', 'RuntimeClass for the pod; `sysbox-runc` runs it as Sysbox system containers that can run Docker and systemd without privileged mode. Needs hashicorp/kubernetes 2.16.0+.'),
    opt('restart_policy', 'string', 'What happens when a container exits; envbox templates use `Never`.', { allowedValues: ['Always', 'OnFailure', 'Never'], default: '"Always"' }),
    opt('host_network', 'bool', 'Use the node\'s network namespace. Not supported with Sysbox.', { default: 'false' }),
    opt('host_pid', 'bool', 'Use the node\'s process namespace. Not supported with Sysbox.', { default: 'false' }),
    opt('host_ipc', 'bool', 'Use the node\'s IPC namespace. Not supported with Sysbox.', { default: 'false' }),
    opt('share_process_namespace', 'bool', 'Let the pod\'s containers see each other\'s processes; avoid with systemd, which must be PID 1.'),
    opt('node_selector', 'map(string)', 'Node labels the pod must land on, e.g. `sysbox-runtime = "running"`.'),
    opt('node_name', 'string', 'Run the pod on this node, bypassing the scheduler.'),
    opt('service_account_name', 'string', 'Service account the pod runs as.'),
    opt('automount_service_account_token', 'bool', 'Mount the service account token into the containers.'),
    opt('hostname', 'string', 'Hostname of the pod.'),
    opt('subdomain', 'string', 'Subdomain of the pod\'s DNS name.'),
    opt('dns_policy', 'string', 'How DNS is configured for the pod.', { allowedValues: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }),
    opt('enable_service_links', 'bool', 'Inject environment variables for the namespace\'s services.'),
    opt('priority_class_name', 'string', 'PriorityClass of the pod.'),
    opt('scheduler_name', 'string', 'Scheduler that places the pod.'),
    opt('termination_grace_period_seconds', 'number', 'Seconds the pod gets to stop cleanly.'),
    opt('active_deadline_seconds', 'number', 'Seconds the pod may run before it is stopped.'),
  ],
  [
    container,
    initContainer,
    volume,
    podSecurityContext,
    toleration,
    affinity,
    block('image_pull_secrets', 'A secret with registry credentials for pulling the pod\'s images.', [req('name', 'string', 'Name of the secret.')]),
    block('host_aliases', 'Extra `/etc/hosts` entries for the pod.', [req('ip', 'string', 'Address of the entry.'), req('hostnames', 'list(string)', 'Names for the address.')]),
    block('os', 'Operating system the pod needs.', [req('name', 'string', 'Operating system name.', { allowedValues: ['linux', 'windows'] })], [], { maxItems: 1 }),
  ],
  { minItems: 1, maxItems: 1 },
);

// ---- resources ------------------------------------------------------------------------------------------

interface KubernetesDefinition {
  /** The versioned name (`kubernetes_pod_v1`). */
  name: string;
  description: string;
  attributes: readonly AttributeSchema[];
  blocks: readonly BlockSchema[];
}

/** Registers one definition as its `_v1` type and as the unversioned type deprecated in 3.0.0. */
function versionedPair(definition: KubernetesDefinition): [ResourceSchema, ResourceSchema] {
  const v1: ResourceSchema = { kind: 'resource', provider: 'kubernetes', ...definition };
  fillDocsUrl(v1, `${REGISTRY}/${definition.name.replace(/^kubernetes_/, '')}`);
  const legacyName = definition.name.replace(/_v1$/, '');
  const legacy: ResourceSchema = {
    ...v1,
    name: legacyName,
    docsUrl: `${REGISTRY}/${legacyName.replace(/^kubernetes_/, '')}`,
    // The facts file names pod, deployment and PVC "and others"; that kubernetes_secret is among them is
    // inferred from the provider's 3.0.0 pattern (UNVERIFIED).
    deprecated: `Deprecated in hashicorp/kubernetes 3.0.0; use ${definition.name}.`,
    replacedBy: definition.name,
  };
  return [v1, legacy];
}

const pod = versionedPair({
  name: 'kubernetes_pod_v1',
  description: 'A single pod; the Coder docs\' Sysbox, Podman, envbox and sidecar examples run the workspace as one.',
  attributes: [
    ro('id', 'string', 'ID of the pod in state (`namespace/name`).'),
  ],
  blocks: [metadata, podSpec],
});

const deploymentSpec = block(
  'spec',
  'How many pods to run, how to find them and the pod template.',
  [
    opt('replicas', 'string', 'Number of pods; Coder workspaces use 1 (or `data.coder_workspace.me.start_count`).', { default: '1' }),
    opt('min_ready_seconds', 'number', 'Seconds a new pod must be ready before it counts as available.'),
    opt('paused', 'bool', 'Pause rollouts.'),
    opt('progress_deadline_seconds', 'number', 'Seconds before a stuck rollout is reported as failed.'),
    opt('revision_history_limit', 'number', 'Old ReplicaSets kept for rollback.'),
  ],
  [
    block('selector', 'Labels that pick the deployment\'s pods; must match the template\'s labels.', [opt('match_labels', 'map(string)', 'Labels that must all match.')], [labelSelectorRequirement], {
      maxItems: 1,
    }),
    block(
      'strategy',
      'How pods are replaced on change; Coder templates use `Recreate` so two workspace pods never share the home volume.',
      [opt('type', 'string', 'Replacement strategy.', { allowedValues: ['Recreate', 'RollingUpdate'], default: '"RollingUpdate"' })],
      [
        block(
          'rolling_update',
          'Settings for `RollingUpdate`.',
          [opt('max_surge', 'string', 'Extra pods allowed during an update.'), opt('max_unavailable', 'string', 'Pods that may be down during an update.')],
          [],
          { maxItems: 1 },
        ),
      ],
      { maxItems: 1 },
    ),
    block('template', 'The pod the deployment creates: its metadata and the same spec as a pod.', [], [templateMetadata, podSpec], { minItems: 1, maxItems: 1 }),
  ],
  { minItems: 1, maxItems: 1 },
);

const deployment = versionedPair({
  name: 'kubernetes_deployment_v1',
  description: 'A deployment that keeps the workspace pod running; the Coder kubernetes starter uses one.',
  attributes: [
    opt('wait_for_rollout', 'bool', 'Wait for the rollout to finish; Coder templates set `false` so a failing agent does not block the build.', { default: 'true' }),
    ro('id', 'string', 'ID of the deployment in state (`namespace/name`).'),
  ],
  blocks: [metadata, deploymentSpec],
});

const pvc = versionedPair({
  name: 'kubernetes_persistent_volume_claim_v1',
  description: 'A persistent volume claim; holds the workspace home (and envbox\'s Docker caches) across restarts.',
  attributes: [
    opt('wait_until_bound', 'bool', 'Wait until the claim is bound; Coder templates set `false` since storage may bind only when the pod starts.', { default: 'true' }),
    ro('id', 'string', 'ID of the claim in state (`namespace/name`).'),
  ],
  blocks: [
    metadata,
    block(
      'spec',
      'Size, access mode and storage class of the claim.',
      [
        req('access_modes', 'set(string)', 'How the volume may be mounted, e.g. `["ReadWriteOnce"]`.'),
        opt('storage_class_name', 'string', 'StorageClass to provision from; the cluster default when unset.'),
        opt('volume_name', 'string', 'Bind to this existing persistent volume.'),
        opt('volume_mode', 'string', 'Whether the volume is a file system or a raw block device.', { allowedValues: ['Filesystem', 'Block'] }),
      ],
      [
        block(
          'resources',
          'How much storage the claim asks for.',
          [req('requests', 'map(string)', 'Storage requested, e.g. `storage = "10Gi"`.'), opt('limits', 'map(string)', 'Most storage the claim may grow to.')],
          [],
          { minItems: 1, maxItems: 1 },
        ),
        block('selector', 'Labels of persistent volumes the claim may bind to.', [opt('match_labels', 'map(string)', 'Labels that must all match.')], [labelSelectorRequirement], {
          maxItems: 1,
        }),
      ],
      { minItems: 1, maxItems: 1 },
    ),
  ],
});

const secret = versionedPair({
  name: 'kubernetes_secret_v1',
  description: 'A secret, e.g. registry credentials that envbox reads through `CODER_IMAGE_PULL_SECRET`.',
  attributes: [
    opt('data', 'map(string)', 'Secret values by key (plain text; the provider encodes them).', { sensitive: true }),
    opt('binary_data', 'map(string)', 'Base64-encoded binary values by key.', { sensitive: true }),
    opt('type', 'string', 'Kind of secret, e.g. `Opaque` or `kubernetes.io/dockerconfigjson` for registry credentials.', { default: '"Opaque"' }),
    opt('immutable', 'bool', 'Forbid changes to the data after creation.'),
    opt('wait_for_service_account_token', 'bool', 'For service-account-token secrets: wait until the token is filled in.', { default: 'true' }),
    ro('id', 'string', 'ID of the secret in state (`namespace/name`).'),
  ],
  blocks: [metadata],
});

/** `_v1` types first, so shared blocks carry the `_v1` docs links. */
export const kubernetesSchemas: readonly ResourceSchema[] = [pod, deployment, pvc, secret].flatMap((pair) => pair);
