import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { agentTokenMissing } from '../../server/src/rules/agent-token-missing';
import { lintModule } from '../../server/src/rules/engine';
import { envboxMissingEnv } from '../../server/src/rules/envbox-missing-env';
import type { Rule } from '../../server/src/rules/types';
import { fixAll, ruleTable, toModule } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const env = (name: string, value: string) => `      env {\n        name  = "${name}"\n        value = ${value}\n      }\n`;
const image = env('CODER_INNER_IMAGE', '"codercom/enterprise-base:ubuntu"');
const username = env('CODER_INNER_USERNAME', '"coder"');
const token = env('CODER_AGENT_TOKEN', 'coder_agent.main.token');
const bootstrap = env('CODER_BOOTSTRAP_SCRIPT', 'coder_agent.main.init_script');

const pod = (container: string, before = '') => `${head}${before}
resource "kubernetes_pod_v1" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name    = "dev"
      image   = "ghcr.io/coder/envbox:latest"
      command = ["/envbox", "docker"]
      security_context {
        privileged = true
      }
${container}    }
  }
}
`;

const docker = (env: string) => `${head}
resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "ghcr.io/coder/envbox:latest"
  privileged = true
${env}}
`;

ruleTable(envboxMissingEnv, {
  valid: [
    { name: 'Kubernetes envbox with the three variables', files: pod(bootstrap + image + username + token) },
    {
      name: 'docker envbox with the three variables in its env list',
      files: docker(`  env = [
    "CODER_INNER_IMAGE=codercom/enterprise-base:ubuntu",
    "CODER_INNER_USERNAME=coder",
    "CODER_AGENT_TOKEN=\${coder_agent.main.token}",
  ]
`),
    },
    { name: 'env_from may supply them: not reported', files: pod(`${token}      env_from {\n        config_map_ref {\n          name = "envbox"\n        }\n      }\n`) },
    { name: 'a docker env that is not a list literal is not guessed at', files: docker('  env = local.envbox_env\n') },
    { name: 'an env block whose name is not static is not guessed at', files: pod(token + env('CODER_INNER_USERNAME', '"coder"').replace('"CODER_INNER_USERNAME"', 'var.user_env')) },
    {
      name: 'near miss: a non-envbox workspace without CODER_INNER_IMAGE',
      files: `${head}
resource "docker_container" "workspace" {
  image = "codercom/enterprise-base:ubuntu"
  env   = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`,
    },
  ],
  invalid: [
    {
      name: 'Kubernetes envbox with only the bootstrap script: all three are added at the end of the container',
      files: pod(bootstrap),
      findings: [
        {
          at: '"ghcr.io/coder/envbox:latest"',
          messageId: 'missingVariables',
          message: /^Container `dev` of `kubernetes_pod_v1\.main` runs envbox without `CODER_INNER_IMAGE`, `CODER_INNER_USERNAME` and `CODER_AGENT_TOKEN` .*the workspace never comes up/,
          fixTitle: 'Add CODER_INNER_IMAGE, CODER_INNER_USERNAME, CODER_AGENT_TOKEN',
        },
      ],
      output: pod(bootstrap + image + username + token),
    },
    {
      name: 'one missing variable; a variable named image is used for the inner image',
      files: pod(username + token, '\nvariable "image" {\n  default = "codercom/enterprise-node:ubuntu"\n}\n'),
      findings: [{ at: '"ghcr.io/coder/envbox:latest"', messageId: 'missingVariable', message: /without `CODER_INNER_IMAGE` \(the image of the inner workspace container\): envbox cannot create the inner workspace container without it/, fixTitle: 'Add CODER_INNER_IMAGE' }],
      output: pod(username + token + env('CODER_INNER_IMAGE', 'var.image'), '\nvariable "image" {\n  default = "codercom/enterprise-node:ubuntu"\n}\n'),
    },
    {
      name: 'Kubernetes container without any env block: blocks are appended to the container',
      files: `${head}
resource "kubernetes_pod" "main" {
  metadata {
    name = "w"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
    }
  }
}
`,
      findings: [{ messageId: 'missingVariables', at: '"ghcr.io/coder/envbox:latest"' }],
      output: `${head}
resource "kubernetes_pod" "main" {
  metadata {
    name = "w"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
      env {
        name  = "CODER_INNER_IMAGE"
        value = "codercom/enterprise-base:ubuntu"
      }
      env {
        name  = "CODER_INNER_USERNAME"
        value = "coder"
      }
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
}
`,
    },
    {
      name: 'docker envbox with a one-per-line env list',
      files: docker(`  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.main.token}",
  ]
`),
      findings: [{ at: '"ghcr.io/coder/envbox:latest"', messageId: 'missingVariables', message: /^`docker_container\.workspace` runs envbox without `CODER_INNER_IMAGE` and `CODER_INNER_USERNAME`/, fixTitle: 'Add CODER_INNER_IMAGE, CODER_INNER_USERNAME' }],
      output: docker(`  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.main.token}",
    "CODER_INNER_IMAGE=codercom/enterprise-base:ubuntu",
    "CODER_INNER_USERNAME=coder",
  ]
`),
    },
    {
      name: 'docker envbox without env: the list is created with the token of the only agent',
      files: docker(''),
      findings: [{ messageId: 'missingVariables', at: '"ghcr.io/coder/envbox:latest"' }],
      output: `${head}
resource "docker_container" "workspace" {
  count      = data.coder_workspace.me.start_count
  image      = "ghcr.io/coder/envbox:latest"
  privileged = true
  env        = ["CODER_INNER_IMAGE=codercom/enterprise-base:ubuntu", "CODER_INNER_USERNAME=coder", "CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`,
    },
    {
      // A label may hold any string, but `var.\uFFFD_image` would not parse: the default image instead.
      name: 'a variable named like an image whose label is no identifier is not referred to',
      files: pod(username + token, '\nvariable "\uFFFD_image" {\n  default = "codercom/enterprise-node:ubuntu"\n}\n'),
      findings: [{ at: '"ghcr.io/coder/envbox:latest"', messageId: 'missingVariable', fixTitle: 'Add CODER_INNER_IMAGE' }],
      output: pod(username + token + image, '\nvariable "\uFFFD_image" {\n  default = "codercom/enterprise-node:ubuntu"\n}\n'),
    },
  ],
  noFix: [
    {
      // `coder_agent.\uFFFDme.token` would not parse: no agent to take the token from, so no fix.
      name: 'the only agent, unreferenced, has a label that is no identifier: no fix',
      files: docker('').replace('resource "coder_agent" "main"', 'resource "coder_agent" "\uFFFDme"'),
      findings: [{ messageId: 'missingVariables', at: '"ghcr.io/coder/envbox:latest"' }],
    },
    {
      name: 'two agents and none referenced: no value is right for the token, so no fix',
      files: `${docker('')}
resource "coder_agent" "other" {
  os   = "linux"
  arch = "amd64"
}
`,
      findings: [{ messageId: 'missingVariables', at: '"ghcr.io/coder/envbox:latest"' }],
    },
    {
      name: 'a docker env built by concat(), seen whole without the inner image: the list is the user\'s to extend',
      files: docker('  env        = concat(["CODER_AGENT_TOKEN=${coder_agent.main.token}"], ["CODER_INNER_USERNAME=coder"])\n'),
      findings: [{ at: '"ghcr.io/coder/envbox:latest"', messageId: 'missingVariable', message: /without `CODER_INNER_IMAGE`/ }],
    },
  ],
});

describe('envbox-missing-env with agent-token-missing in one --fix run', () => {
  before(() => initParser());
  it('CODER_AGENT_TOKEN is added once', async () => {
    const both: Rule = {
      // Both rules report through this one: it gives the messages of both.
      meta: { ...envboxMissingEnv.meta, id: 'both', messages: { ...agentTokenMissing.meta.messages, ...envboxMissingEnv.meta.messages } },
      check: (context) => {
        agentTokenMissing.check(context);
        envboxMissingEnv.check(context);
      },
    };
    const files = pod(`${bootstrap}      volume_mount {\n        mount_path = "/var/lib/sysbox"\n        name       = "sysbox"\n      }\n`);
    const fixed = (await fixAll(both, files))['main.tf'];
    assert.equal(fixed.split('"CODER_AGENT_TOKEN"').length - 1, 1, fixed);
    assert.deepEqual(lintModule(toModule(fixed), [agentTokenMissing, envboxMissingEnv]), []);
  });
});
