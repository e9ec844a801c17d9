import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { dindMissingDockerHost } from '../../server/src/rules/dind-missing-docker-host';
import { lintModule } from '../../server/src/rules/engine';
import { sidecarLifecycle } from '../../server/src/rules/sidecar-lifecycle';
import type { Rule } from '../../server/src/rules/types';
import { fixAll, ruleTable, toModule } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

/** The docs' privileged-sidecar Docker example; `env` is the workspace's env attribute line(s). */
const docker = (env: string, opts: { dindCount?: boolean; sidecarNetwork?: boolean; entrypoint?: string } = {}) => `${head}
resource "docker_network" "private_network" {
  name = "network-\${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
${opts.dindCount ? '  count      = data.coder_workspace.me.start_count\n' : ''}  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}"
  entrypoint = ${opts.entrypoint ?? '["dockerd", "-H", "tcp://0.0.0.0:2375"]'}
${opts.sidecarNetwork === false ? '' : '  networks_advanced {\n    name = docker_network.private_network.name\n  }\n'}}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  name    = "dev-\${data.coder_workspace.me.id}"
  command = ["sh", "-c", coder_agent.main.init_script]
${env}  networks_advanced {
    name = docker_network.private_network.name
  }
}
`;

const tokenList = (extra = '') => `  env = [\n    "CODER_AGENT_TOKEN=\${coder_agent.main.token}",\n${extra}  ]\n`;

/** The docs' privileged-sidecar Kubernetes example (namespace fixed); `env` are extra env blocks of the workspace. */
const pod = (type: string, env: string, sidecar = '      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]\n') => `${head}
resource "${type}" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged  = true
        run_as_user = 0
      }
${sidecar}    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      security_context {
        run_as_user = "1000"
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
${env}    }
  }
}
`;

const deployment = (env: string) => `${head}
resource "kubernetes_deployment" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    replicas = 1
    template {
      metadata {}
      spec {
        container {
          name    = "docker-sidecar"
          image   = "docker:dind"
          command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
          security_context {
            privileged = true
          }
        }
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", coder_agent.main.init_script]
          env {
            name  = "CODER_AGENT_TOKEN"
            value = coder_agent.main.token
          }
${env}        }
      }
    }
  }
}
`;

const dockerHostBlock = '      env {\n        name  = "DOCKER_HOST"\n        value = "tcp://localhost:2375"\n      }\n';

ruleTable(dindMissingDockerHost, {
  valid: [
    {
      name: 'an envbox or sysbox workspace beside another pod\'s sidecar runs its own engine',
      files: `${head}
resource "kubernetes_pod_v1" "dind" {
  spec {
    container {
      name    = "docker-sidecar"
      image   = "docker:dind"
      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
      security_context {
        privileged = true
      }
    }
  }
}

resource "kubernetes_pod_v1" "envbox" {
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
      env {
        name  = "CODER_BOOTSTRAP_SCRIPT"
        value = coder_agent.main.init_script
      }
    }
  }
}

resource "kubernetes_pod_v1" "sysbox" {
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
`,
    },
    { name: 'the docs Docker example (DOCKER_HOST without a scheme still counts as set)', files: docker(tokenList('    "DOCKER_HOST=${docker_container.dind.name}:2375"\n')) },
    { name: 'the docs Kubernetes example', files: pod('kubernetes_pod', '      env {\n        name  = "DOCKER_HOST"\n        value = "localhost:2375"\n      }\n') },
    {
      name: 'DOCKER_HOST set in the agent env',
      files: docker(tokenList()).replace('  arch = "amd64"\n', '  arch = "amd64"\n  env = {\n    DOCKER_HOST = "tcp://${docker_container.dind.name}:2375"\n  }\n'),
    },
    {
      name: 'DOCKER_HOST set by a coder_env resource of the agent',
      files: `${docker(tokenList())}
resource "coder_env" "docker_host" {
  agent_id = coder_agent.main.id
  name     = "DOCKER_HOST"
  value    = "tcp://\${docker_container.dind.name}:2375"
}
`,
    },
    { name: 'env from a local is not guessed at', files: docker('  env = local.env\n') },
    {
      name: 'the workspace shares the daemon\'s socket through a volume at /var/run',
      files: pod('kubernetes_pod', '      volume_mount {\n        name       = "docker-run"\n        mount_path = "/var/run"\n      }\n', '      command = ["dockerd"]\n      volume_mount {\n        name       = "docker-run"\n        mount_path = "/var/run"\n      }\n'),
    },
    {
      name: 'near miss: no dind sidecar (Sysbox workspace)',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`,
    },
  ],
  invalid: [
    {
      name: 'Docker network: DOCKER_HOST added to a one-per-line env list, with the tcp:// scheme',
      files: docker(tokenList()),
      findings: [
        {
          at: 'resource "docker_container" "workspace"',
          messageId: 'missingDockerHost',
          message: /^`docker_container\.workspace` sets no DOCKER_HOST although Docker runs in the dind sidecar `docker_container\.dind`: .*Cannot connect to the Docker daemon"\.$/,
          fixTitle: 'Add DOCKER_HOST = "tcp://${docker_container.dind.name}:2375"',
        },
      ],
      output: docker(tokenList('    "DOCKER_HOST=tcp://${docker_container.dind.name}:2375",\n')),
    },
    {
      name: 'a counted sidecar is referenced with [0]; the port comes from its -H flag',
      files: docker('  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]\n', { dindCount: true, entrypoint: '["dockerd", "--host=tcp://0.0.0.0:2376"]' }),
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'missingDockerHost', fixTitle: 'Add DOCKER_HOST = "tcp://${docker_container.dind[0].name}:2376"' }],
      output: docker('  env     = ["CODER_AGENT_TOKEN=${coder_agent.main.token}", "DOCKER_HOST=tcp://${docker_container.dind[0].name}:2376"]\n', {
        dindCount: true,
        entrypoint: '["dockerd", "--host=tcp://0.0.0.0:2376"]',
      }),
    },
    {
      // The host would be `\${docker_container.\uFFFDdind.name}`, which does not parse: advice, no fix.
      name: 'a sidecar whose label is no identifier cannot be referred to: no fix, with what to do',
      files: docker(tokenList()).replace('resource "docker_container" "dind"', 'resource "docker_container" "\uFFFDdind"'),
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'byContainerName', message: /Point DOCKER_HOST at the sidecar by its container name: `tcp:\/\/<name>:2375`\.$/, fixTitle: null }],
    },
    {
      // The label goes into a regular expression (network_mode = "container:…"); "dind(" once threw there.
      name: 'a sidecar label with regular-expression characters is matched as text',
      files: docker(tokenList(), { sidecarNetwork: false }).replace('resource "docker_container" "dind"', 'resource "docker_container" "dind("'),
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'noSharedNetwork', message: /share no Docker network/, fixTitle: null }],
    },
    {
      name: 'a workspace in the sidecar\'s network namespace reaches it on localhost',
      files: `${head}
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  entrypoint = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
}

resource "docker_container" "workspace" {
  image        = "codercom/enterprise-base:ubuntu"
  network_mode = "container:\${docker_container.dind.id}"
  command      = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'missingDockerHost', fixTitle: 'Add DOCKER_HOST = "tcp://localhost:2375"' }],
      output: `${head}
resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  entrypoint = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
}

resource "docker_container" "workspace" {
  image        = "codercom/enterprise-base:ubuntu"
  network_mode = "container:\${docker_container.dind.id}"
  command      = ["sh", "-c", coder_agent.main.init_script]
  env          = ["DOCKER_HOST=tcp://localhost:2375"]
}
`,
    },
    {
      name: 'no shared network: reported without a fix, with what to do',
      files: docker(tokenList(), { sidecarNetwork: false }),
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'noSharedNetwork', message: /share no Docker network: attach both to one `docker_network`/, fixTitle: null }],
    },
    {
      name: 'Kubernetes pod: an env block with tcp://localhost',
      files: pod('kubernetes_pod', ''),
      findings: [
        {
          range: [22, 4, 22, 13],
          messageId: 'missingDockerHost',
          message: /^Container `dev` of `kubernetes_pod\.main` sets no DOCKER_HOST although Docker runs in the dind sidecar container `docker-sidecar` of `kubernetes_pod\.main`/,
          fixTitle: 'Add DOCKER_HOST = "tcp://localhost:2375"',
        },
      ],
      output: pod('kubernetes_pod', dockerHostBlock),
    },
    {
      name: 'a sidecar daemon on its Unix socket only: no TCP address to point at, no fix',
      files: pod('kubernetes_pod', '', '      command = ["dockerd"]\n'),
      findings: [{ range: [22, 4, 22, 13], messageId: 'socketOnly', message: /listens on no TCP address: share its socket/, fixTitle: null }],
    },
    {
      name: 'the docker:dind entrypoint with DOCKER_TLS_CERTDIR="" listens on plain TCP 2375',
      files: pod('kubernetes_pod', '', '      env {\n        name  = "DOCKER_TLS_CERTDIR"\n        value = ""\n      }\n'),
      findings: [{ range: [25, 4, 25, 13], messageId: 'missingDockerHost', fixTitle: 'Add DOCKER_HOST = "tcp://localhost:2375"' }],
      output: pod('kubernetes_pod', dockerHostBlock, '      env {\n        name  = "DOCKER_TLS_CERTDIR"\n        value = ""\n      }\n'),
    },
    {
      name: 'the docker:dind entrypoint with its default TLS: no fix, the certificates are needed too',
      files: pod('kubernetes_pod', '', ''),
      findings: [{ range: [21, 4, 21, 13], messageId: 'dindImageTls', message: /serves TLS on port 2376 unless DOCKER_TLS_CERTDIR is empty/, fixTitle: null }],
    },
    {
      name: 'Kubernetes deployment: the same in spec.template.spec',
      files: deployment(''),
      findings: [{ range: [25, 8, 25, 17], messageId: 'missingDockerHost', message: /^Container `dev` of `kubernetes_deployment\.main` sets no DOCKER_HOST/ }],
      output: deployment(dockerHostBlock.replace(/^/gm, '    ').replace(/ +$/, '')),
    },
    {
      name: 'a sidecar daemon that serves TLS: no fix, the workspace needs its client certificates',
      files: docker(tokenList(), { entrypoint: '["dockerd", "--tlsverify", "-H", "tcp://0.0.0.0:2376"]' }),
      findings: [
        {
          at: 'resource "docker_container" "workspace"',
          messageId: 'sidecarTls',
          message: /"Cannot connect to the Docker daemon"\. The sidecar's daemon serves TLS on `tcp:\/\/0\.0\.0\.0:2376`: point DOCKER_HOST at it and give the workspace the client certificates/,
          fixTitle: null,
        },
      ],
    },
    {
      name: 'the sidecar in another pod: localhost does not reach it, no fix',
      files: pod('kubernetes_pod', '').replace(
        '    }\n    container {\n      name    = "dev"',
        '    }\n  }\n}\n\nresource "kubernetes_pod" "workspace" {\n  spec {\n    container {\n      name    = "dev"',
      ),
      findings: [
        {
          at: 'container',
          occurrence: 1,
          messageId: 'otherPod',
          message: /^Container `dev` of `kubernetes_pod\.workspace` sets no DOCKER_HOST although Docker runs in the dind sidecar container `docker-sidecar` of `kubernetes_pod\.main`: .* It runs in another pod: put the sidecar in the workspace pod/,
          fixTitle: null,
        },
      ],
    },
  ],
  noFix: [
    {
      name: 'a docker env built by concat() that the reader sees whole: DOCKER_HOST is missing, but the list is the user\'s to extend',
      files: docker('  env     = concat(["CODER_AGENT_TOKEN=${coder_agent.main.token}"], ["TZ=UTC"])\n'),
      findings: [{ at: 'resource "docker_container" "workspace"', messageId: 'missingDockerHost', message: /sets no DOCKER_HOST/ }],
    },
  ],
});

describe('dind-missing-docker-host with sidecar-lifecycle in one --fix run', () => {
  before(() => initParser());
  it('the new DOCKER_HOST reference gets its [0] when the sidecar is counted in the same run', async () => {
    const both: Rule = {
      // Both rules report through this one: it gives the messages of both.
      meta: { ...dindMissingDockerHost.meta, id: 'both', messages: { ...dindMissingDockerHost.meta.messages, ...sidecarLifecycle.meta.messages } },
      check: (context) => {
        dindMissingDockerHost.check(context);
        sidecarLifecycle.check(context);
      },
    };
    const fixed = (await fixAll(both, docker(tokenList())))['main.tf'];
    assert.match(fixed, /"DOCKER_HOST=tcp:\/\/\$\{docker_container\.dind\[0\]\.name\}:2375"/);
    assert.match(fixed, /resource "docker_container" "dind" \{\n  count      = data\.coder_workspace\.me\.start_count\n/);
    assert.deepEqual(lintModule(toModule(fixed), [dindMissingDockerHost, sidecarLifecycle]), []);
  });
});
