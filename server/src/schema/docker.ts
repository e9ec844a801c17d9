/**
 * kreuzwerker/docker provider 3.x. The facts file covers only how Docker-in-workspace templates use it
 * (§1, §2, §4); the attribute list follows the provider's generated docs (`docs/resources/*.md` of
 * kreuzwerker/terraform-provider-docker, stored version), trimmed of rarely used build options.
 */
import { block, fillDocsUrl, opt, req, ro } from './build';
import type { AttributeSchema, BlockSchema, ResourceSchema } from './types';

const REGISTRY = 'https://registry.terraform.io/providers/kreuzwerker/docker/latest/docs/resources';

function dockerResource(name: string, description: string, attributes: readonly AttributeSchema[], blocks: readonly BlockSchema[] = []): ResourceSchema {
  const schema: ResourceSchema = { kind: 'resource', provider: 'docker', name, description, attributes, blocks };
  fillDocsUrl(schema, `${REGISTRY}/${name.replace(/^docker_/, '')}`);
  return schema;
}

const labelAttributes = [req('label', 'string', 'Name of the label.'), req('value', 'string', 'Value of the label.')];

const labels = (what: string): BlockSchema => block('labels', `One label on the ${what} (Coder templates label them with the workspace and owner ids).`, labelAttributes);

const container = dockerResource(
  'docker_container',
  'A Docker container; in Coder templates the workspace container (running the agent) or a `docker:dind` sidecar.',
  [
    req('image', 'string', 'Image to run: an image name or `docker_image.<name>.image_id`.'),
    req('name', 'string', 'Name of the container; include the owner and workspace names so it is unique.'),
    opt('attach', 'bool', 'Wait for the container to exit after creating it.', { default: 'false' }),
    opt('cgroup_parent', 'string', 'Parent cgroup for the container.'),
    opt('cgroupns_mode', 'string', 'Cgroup namespace mode.', { allowedValues: ['private', 'host'] }),
    opt('command', 'list(string)', 'Command to start; workspace containers often run the agent with `["sh", "-c", coder_agent.main.init_script]`.'),
    opt('container_read_refresh_timeout_milliseconds', 'number', 'Milliseconds to wait for the container to reach the running state.'),
    opt('cpu_period', 'number', 'CPU CFS period in microseconds (ignored when `cpus` is set).'),
    opt('cpu_quota', 'number', 'CPU CFS quota in microseconds per period (ignored when `cpus` is set).'),
    opt('cpu_set', 'string', 'CPUs the container may use, e.g. `0-1`.'),
    opt('cpu_shares', 'number', 'Relative CPU weight of the container.'),
    opt('cpus', 'string', 'How many CPUs the container may use, e.g. `1.5`.'),
    opt('destroy_grace_seconds', 'number', 'Seconds to wait for a clean stop before the container is destroyed.'),
    opt('dns', 'set(string)', 'DNS servers for the container.'),
    opt('dns_opts', 'set(string)', 'DNS resolver options.'),
    opt('dns_search', 'set(string)', 'DNS search domains.'),
    opt('domainname', 'string', 'Domain name of the container.'),
    opt('entrypoint', 'list(string)', 'Entrypoint of the container; the Coder docker starter runs the agent init script here.'),
    opt('env', 'set(string)', 'Environment as `"KEY=VALUE"` strings, e.g. `"CODER_AGENT_TOKEN=${coder_agent.main.token}"` or `"DOCKER_HOST=…"`.'),
    opt('gpus', 'string', 'GPUs to add; only `all` is supported.'),
    opt('group_add', 'set(string)', 'Extra groups for the container user.'),
    opt('hostname', 'string', 'Hostname inside the container; `data.coder_workspace.me.name` is a common choice.'),
    opt('init', 'bool', 'Run an init process as PID 1 that reaps zombies.'),
    opt('ipc_mode', 'string', 'IPC namespace mode: `none`, `private`, `shareable`, `container:<name|id>` or `host` (`host` does not work with Sysbox).'),
    opt('log_driver', 'string', 'Logging driver of the container.'),
    opt('log_opts', 'map(string)', 'Options for the logging driver.'),
    opt('logs', 'bool', 'Keep the container logs (needs `attach`).', { default: 'false' }),
    opt('max_retry_count', 'number', 'Restart attempts when `restart = "on-failure"`.'),
    opt('memory', 'number', 'Memory limit in MB.'),
    opt('memory_reservation', 'number', 'Soft memory limit in MB, below `memory`.'),
    opt('memory_swap', 'number', 'Memory plus swap limit in MB.'),
    opt('must_run', 'bool', 'Keep the container running; Terraform restarts it when it has stopped.', { default: 'true' }),
    opt('network_mode', 'string', 'Network mode, e.g. `bridge` (default), `host`, `none` or `container:<name>`. `host` does not work with Sysbox.', {
      default: '"bridge"',
    }),
    opt('pid_mode', 'string', 'PID namespace mode: `container:<name|id>` or `host` (`host` does not work with Sysbox).'),
    opt('privileged', 'bool', 'Give the container all host capabilities and devices. Needed for a `docker:dind` sidecar and the envbox outer container; never with `runtime = "sysbox-runc"`.'),
    opt('publish_all_ports', 'bool', 'Publish every exposed port to a random host port.'),
    opt('read_only', 'bool', 'Mount the root file system read-only.', { default: 'false' }),
    opt('remove_volumes', 'bool', 'Remove anonymous volumes with the container.', { default: 'true' }),
    opt('restart', 'string', 'Restart policy of the container.', { allowedValues: ['no', 'on-failure', 'always', 'unless-stopped'], default: '"no"' }),
    opt('rm', 'bool', 'Remove the container when it exits.', { default: 'false' }),
    opt('runtime', 'string', 'OCI runtime. `sysbox-runc` runs the workspace as a system container that can run Docker without `privileged`.'),
    opt('security_opts', 'set(string)', 'Security options such as `seccomp=unconfined` or SELinux labels.'),
    opt('shm_size', 'number', 'Size of `/dev/shm` in MB.'),
    opt('start', 'bool', 'Start the container after creating it.', { default: 'true' }),
    opt('stdin_open', 'bool', 'Keep STDIN open (`docker run -i`).', { default: 'false' }),
    opt('stop_signal', 'string', 'Signal that stops the container (default `SIGTERM`).'),
    opt('stop_timeout', 'number', 'Seconds to wait for the container to stop.'),
    opt('storage_opts', 'map(string)', 'Storage driver options, e.g. `size = "120G"`.'),
    opt('sysctls', 'map(string)', 'Kernel parameters to set in the container.'),
    opt('tmpfs', 'map(string)', 'Container paths to mount as tmpfs, with their mount options.'),
    opt('tty', 'bool', 'Allocate a pseudo-TTY (`docker run -t`).', { default: 'false' }),
    opt('user', 'string', 'User (and group) that runs the first process, as `user` or `user:group`.'),
    opt('userns_mode', 'string', 'User namespace mode when the daemon remaps users; `host` does not work with Sysbox.'),
    opt('wait', 'bool', 'Wait until the container\'s health check passes after creation.', { default: 'false' }),
    opt('wait_timeout', 'number', 'Seconds to wait for the container to become healthy.', { default: '60' }),
    opt('working_dir', 'string', 'Working directory of the first process.'),
    ro('bridge', 'string', 'Network bridge the container is attached to.'),
    ro('container_logs', 'string', 'Logs of a finished container (when `attach` is off).'),
    ro('exit_code', 'number', 'Exit code of a finished container (when `must_run` is off).'),
    ro('id', 'string', 'ID of the container.'),
    ro('network_data', 'list', 'Addresses of the container on each network it is attached to.'),
  ],
  [
    block(
      'capabilities',
      'Linux capabilities to add to or drop from the container.',
      [opt('add', 'set(string)', 'Capabilities to add, e.g. `SYS_ADMIN`.'), opt('drop', 'set(string)', 'Capabilities to drop.')],
      [],
      { maxItems: 1 },
    ),
    block('devices', 'A host device made available in the container, e.g. `/dev/fuse` for Podman.', [
      req('host_path', 'string', 'Path of the device on the host.'),
      opt('container_path', 'string', 'Path of the device in the container (defaults to `host_path`).'),
      opt('permissions', 'string', 'Cgroup permissions on the device.', { default: '"rwm"' }),
    ]),
    block(
      'healthcheck',
      'How Docker checks that the container is healthy.',
      [
        req('test', 'list(string)', 'Check command, e.g. `["CMD", "docker", "info"]` for a dind sidecar.'),
        opt('interval', 'string', 'Time between checks (ms|s|m|h).', { default: '"0s"' }),
        opt('retries', 'number', 'Failures in a row before the container is unhealthy.', { default: '0' }),
        opt('start_interval', 'string', 'Time between checks during the start period.', { default: '"0s"' }),
        opt('start_period', 'string', 'Grace period before failures count.', { default: '"0s"' }),
        opt('timeout', 'string', 'Longest time one check may run.', { default: '"0s"' }),
      ],
      [],
      { maxItems: 1 },
    ),
    block('host', 'An extra `/etc/hosts` entry; the Docker starter maps `host.docker.internal` to `host-gateway` so the agent reaches Coder on the host.', [
      req('host', 'string', 'Hostname to add.'),
      req('ip', 'string', 'Address it resolves to; `host-gateway` means the Docker host.'),
    ]),
    labels('container'),
    block(
      'mounts',
      'A bind, volume or tmpfs mount (the newer alternative to `volumes`).',
      [
        req('target', 'string', 'Path in the container.'),
        req('type', 'string', 'Kind of mount: `bind`, `volume` or `tmpfs`.'),
        opt('read_only', 'bool', 'Mount read-only.'),
        opt('source', 'string', 'Volume name or host path.'),
      ],
      [
        block('bind_options', 'Options for a bind mount.', [opt('propagation', 'string', 'Mount propagation mode, e.g. `rprivate`.')], [], { maxItems: 1 }),
        block(
          'tmpfs_options',
          'Options for a tmpfs mount.',
          [opt('mode', 'number', 'Permission bits of the tmpfs, as an integer.'), opt('size_bytes', 'number', 'Size of the tmpfs in bytes.')],
          [],
          { maxItems: 1 },
        ),
        block(
          'volume_options',
          'Options for a volume mount.',
          [
            opt('driver_name', 'string', 'Volume driver to create the volume with.'),
            opt('driver_options', 'map(string)', 'Driver-specific options.'),
            opt('no_copy', 'bool', 'Do not copy the image\'s files at the target into a new volume.'),
            opt('subpath', 'string', 'Path inside the volume to mount (Docker API 1.45+).'),
          ],
          [labels('volume')],
          { maxItems: 1 },
        ),
      ],
    ),
    block('networks_advanced', 'A network the container joins; put the workspace and a dind sidecar on one `docker_network` so the workspace reaches the daemon by name.', [
      req('name', 'string', 'Name or ID of the network, e.g. `docker_network.<name>.name`.'),
      opt('aliases', 'set(string)', 'Extra names the container has on this network.'),
      opt('ipv4_address', 'string', 'Fixed IPv4 address on this network.'),
      opt('ipv6_address', 'string', 'Fixed IPv6 address on this network.'),
      opt('mac_address', 'string', 'Fixed MAC address on this network.'),
    ]),
    block('ports', 'A container port published on the host.', [
      req('internal', 'number', 'Port inside the container.'),
      opt('external', 'number', 'Port on the host (a random free port when unset).'),
      opt('ip', 'string', 'Host address to bind.', { default: '"0.0.0.0"' }),
      opt('protocol', 'string', 'Protocol of the port, `tcp` or `udp`.', { default: '"tcp"' }),
    ]),
    block('ulimit', 'A resource limit (ulimit) for the container.', [
      req('name', 'string', 'Name of the limit, e.g. `nofile`.'),
      req('soft', 'number', 'Soft limit.'),
      req('hard', 'number', 'Hard limit.'),
    ]),
    block('upload', 'A file written into the container before it starts; set one of `content`, `content_base64` or `source`.', [
      req('file', 'string', 'Path of the file in the container.'),
      opt('content', 'string', 'Text content of the file.'),
      opt('content_base64', 'string', 'Binary content, base64-encoded.'),
      opt('executable', 'bool', 'Make the file executable by its owner.', { default: 'false' }),
      opt('permissions', 'string', 'Permission bits of the file; wins over `executable`.'),
      opt('source', 'string', 'Local file to upload.'),
      opt('source_hash', 'string', 'Hash of `source`, to re-upload when its content changes.'),
    ]),
    block('volumes', 'A volume or host path mounted in the container; the home volume, or `/var/lib/docker` for an inner daemon.', [
      opt('container_path', 'string', 'Path in the container.'),
      opt('from_container', 'string', 'Container to take the volumes from.'),
      opt('host_path', 'string', 'Host path to mount (a bind mount).'),
      opt('read_only', 'bool', 'Mount read-only.', { default: 'false' }),
      opt('volume_name', 'string', 'Docker volume to mount, e.g. `docker_volume.<name>.name`.'),
    ]),
  ],
);

const network = dockerResource(
  'docker_network',
  'A Docker network; the privileged-sidecar method joins the workspace and its dind sidecar on one.',
  [
    req('name', 'string', 'Name of the network.'),
    opt('attachable', 'bool', 'Let standalone containers attach to a swarm network.', { default: 'false' }),
    opt('check_duplicate', 'bool', 'Refuse to create a network whose name already exists.'),
    opt('driver', 'string', 'Network driver, e.g. `bridge` or `overlay`.'),
    opt('ingress', 'bool', 'Create the swarm routing-mesh network.', { default: 'false' }),
    opt('internal', 'bool', 'Block access from the network to the outside.'),
    opt('ipam_driver', 'string', 'IP address management driver.', { default: '"default"' }),
    opt('ipam_options', 'map(string)', 'Options for the IPAM driver.'),
    opt('ipv6', 'bool', 'Enable IPv6.', { default: 'false' }),
    opt('options', 'map(string)', 'Driver options (bridge networks).'),
    ro('id', 'string', 'ID of the network.'),
    ro('scope', 'string', 'Scope of the network: `swarm`, `global` or `local`.'),
  ],
  [
    block('ipam_config', 'An address range of the network.', [
      opt('aux_address', 'map(string)', 'Extra addresses reserved for the driver.'),
      opt('gateway', 'string', 'Gateway address.'),
      opt('ip_range', 'string', 'Range containers get addresses from, in CIDR form.'),
      opt('subnet', 'string', 'Subnet in CIDR form.'),
    ]),
    labels('network'),
  ],
);

const volume = dockerResource(
  'docker_volume',
  'A named Docker volume; keeps the home directory (or an inner `/var/lib/docker`) across workspace restarts.',
  [
    opt('name', 'string', 'Name of the volume; include the workspace id so it survives renames.'),
    opt('driver', 'string', 'Volume driver.'),
    opt('driver_opts', 'map(string)', 'Options for the volume driver.'),
    ro('id', 'string', 'ID of the volume.'),
    ro('mountpoint', 'string', 'Where the volume lives on the host.'),
  ],
  [labels('volume')],
);

const image = dockerResource(
  'docker_image',
  'Pulls (or builds) an image on the Docker host; reference `image_id` from the container.',
  [
    req('name', 'string', 'Image name with tag, e.g. `codercom/enterprise-base:ubuntu`.'),
    opt('force_remove', 'bool', 'Force removal of the image on destroy.'),
    opt('keep_locally', 'bool', 'Keep the image on the host when the resource is destroyed.'),
    opt('platform', 'string', 'Platform to pull, e.g. `linux/arm64`.'),
    opt('pull_triggers', 'set(string)', 'Values that trigger a new pull when they change (e.g. a registry digest).'),
    opt('triggers', 'map(string)', 'Values that replace the image (rebuild) when they change.'),
    ro('id', 'string', 'ID of the resource in state (not the image ID).'),
    ro('image_id', 'string', 'ID of the image; use it as `docker_container.image`.'),
    ro('repo_digest', 'string', 'Digest of the image as `repo@sha256:…`.'),
  ],
  [
    block(
      'build',
      'Builds the image from a local context instead of pulling it.',
      [
        req('context', 'string', 'Path of the build context, e.g. `"${path.module}/build"`.'),
        opt('build_args', 'map(string)', 'Build-time variables.'),
        opt('dockerfile', 'string', 'Name of the Dockerfile.', { default: '"Dockerfile"' }),
        opt('label', 'map(string)', 'Labels to set on the image.'),
        opt('no_cache', 'bool', 'Build without the cache.'),
        opt('platform', 'string', 'Platform to build for.'),
        opt('tag', 'list(string)', 'Names (`name:tag`) to give the image.'),
        opt('target', 'string', 'Build stage to stop at.'),
      ],
      [],
      { maxItems: 1 },
    ),
  ],
);

export const dockerSchemas: readonly ResourceSchema[] = [container, network, volume, image];
