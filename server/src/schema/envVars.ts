/**
 * Container environment variables a Docker-in-workspace template sets (facts: coder-domain-facts.md §1,
 * §2; envbox table from coder/envbox README.md and cli/docker.go at 8b99d489).
 */
import type { EnvVarDoc } from './types';

const ENVBOX = 'https://github.com/coder/envbox#environment-variables';
const DOCKER_CLI_ENV = 'https://docs.docker.com/reference/cli/docker/#environment-variables';
const DIND_IMAGE = 'https://hub.docker.com/_/docker';
const CODER_AGENT = 'https://registry.terraform.io/providers/coder/coder/latest/docs/resources/agent';
const DEVCONTAINERS = 'https://coder.com/docs/admin/templates/extending-templates/devcontainers';

function envbox(name: string, description: string, extras: Partial<EnvVarDoc> = {}): EnvVarDoc {
  return { name, description, usedBy: 'envbox', docsUrl: ENVBOX, ...extras };
}

export const envVarDocs: readonly EnvVarDoc[] = [
  // ---- envbox (outer container of the envbox method) ----
  envbox('CODER_INNER_IMAGE', 'Image of the inner workspace container that envbox starts under Sysbox (e.g. `codercom/enterprise-base:ubuntu`).', {
    required: true,
  }),
  envbox('CODER_INNER_USERNAME', 'User the inner workspace container runs as, e.g. `coder`.', { required: true }),
  envbox('CODER_AGENT_TOKEN', 'Coder agent token (`coder_agent.<name>.token`); envbox always passes it into the inner container.', { required: true }),
  // Not in the envbox README table; documented by the `--coder-url` flag in cli/docker.go.
  envbox('CODER_AGENT_URL', 'Coder URL (`data.coder_workspace.me.access_url`). With the token set, envbox streams its startup logs to the workspace page; failures to do so are not fatal.'),
  envbox('CODER_INNER_ENVS', 'Comma-separated names of outer variables to copy into the inner container; a trailing `*` matches a prefix (`KUBERNETES_*,MY_ENV`).'),
  envbox('CODER_INNER_WORK_DIR', 'Working directory of the inner container.'),
  envbox('CODER_INNER_HOSTNAME', 'Hostname of the inner container; templates use `data.coder_workspace.me.name`.'),
  envbox('CODER_IMAGE_PULL_SECRET', 'Registry credentials (the `.dockerconfigjson` content) for pulling the inner image. Take it from a Kubernetes secret with `value_from.secret_key_ref`, not a literal.'),
  envbox('CODER_DOCKER_BRIDGE_CIDR', 'Address range of the bridge of the Docker daemon in the outer container.', { default: '172.19.0.1/30' }),
  envbox('CODER_BOOTSTRAP_SCRIPT', 'Script run in the inner container with `/bin/sh -s` as the image\'s user; normally `coder_agent.<name>.init_script`, which starts the agent.'),
  envbox('CODER_MOUNTS', 'Comma-separated `src:dst[:ro]` mounts from the outer into the inner container (read-write unless `:ro`), e.g. `/home/coder:/home/coder`.'),
  envbox('CODER_USR_LIB_DIR', 'Where the host\'s `/usr/lib` is mounted in the outer container; required when `CODER_ADD_GPU` is true.'),
  envbox('CODER_INNER_USR_LIB_DIR', 'Location of `/usr/lib` inside the inner container, for GPU libraries.', { default: 'detected from /etc/os-release' }),
  envbox('CODER_ADD_TUN', 'When true, creates `/dev/net/tun` in the inner container (for VPNs).', { default: 'false' }),
  envbox('CODER_ADD_FUSE', 'When true, creates `/dev/fuse` in the inner container (for FUSE file systems and rootless Podman).', { default: 'false' }),
  envbox('CODER_ADD_GPU', 'When true, passes the detected GPUs into the inner container; needs `CODER_USR_LIB_DIR`.', { default: 'false' }),
  envbox('CODER_CPUS', 'CPUs of the inner container; take it from `resource_field_ref { resource = "limits.cpu" }`.', { default: '0' }),
  envbox('CODER_MEMORY', 'Memory limit of the inner container in bytes (not MB or Gi); take it from `resource_field_ref { resource = "limits.memory" }`.', {
    default: '0',
  }),
  envbox('CODER_DISABLE_IDMAPPED_MOUNT', 'When true, turns off Sysbox\'s ID-mapped mounts (for kernels where they fail).', { default: 'false' }),
  envbox('CODER_EXTRA_CERTS_PATH', 'Directory of extra CA certificates envbox trusts when talking to Coder or a registry.'),
  // Not in the envbox README table; documented by flags in cli/docker.go.
  envbox('CODER_DOCKER_CONFIG', 'Docker config file envbox uses when pulling the inner image.', { default: '/root/.docker/config.json' }),
  envbox('CODER_DEBUG', 'When true, envbox logs more detail.', { default: 'false' }),

  // ---- Docker client / dind sidecar ----
  {
    name: 'DOCKER_HOST',
    description: 'Where the Docker CLI in the workspace finds the daemon: `localhost:2375` for a dind sidecar in the same pod, `<sidecar container name>:2375` on a shared Docker network.',
    usedBy: 'docker',
    docsUrl: DOCKER_CLI_ENV,
  },
  {
    name: 'DOCKER_TLS_VERIFY',
    description: 'When set, the Docker CLI uses TLS and verifies the daemon\'s certificate (pair with `DOCKER_CERT_PATH` and port 2376).',
    usedBy: 'docker',
    docsUrl: DOCKER_CLI_ENV,
  },
  {
    name: 'DOCKER_CERT_PATH',
    description: 'Directory holding the client certificates (`ca.pem`, `cert.pem`, `key.pem`) the Docker CLI uses for TLS.',
    usedBy: 'docker',
    default: '~/.docker',
    docsUrl: DOCKER_CLI_ENV,
  },
  {
    name: 'DOCKER_TLS_CERTDIR',
    description: 'For the `docker:dind` image: where it generates TLS certificates. Set it empty to disable TLS, which the sidecar examples do when listening on port 2375.',
    usedBy: 'docker',
    default: '/certs',
    docsUrl: DIND_IMAGE,
  },

  // ---- Coder agent in a plain workspace container ----
  {
    name: 'CODER_AGENT_TOKEN',
    description: 'Token the Coder agent authenticates with; set it to `coder_agent.<name>.token` in the container that runs the agent\'s `init_script`.',
    required: true,
    usedBy: 'coder',
    docsUrl: CODER_AGENT,
  },
  {
    name: 'CODER_AGENT_DEVCONTAINERS_ENABLE',
    description: 'Set to `false` to turn off the agent\'s dev container integration.',
    usedBy: 'coder',
    docsUrl: DEVCONTAINERS,
  },
];
