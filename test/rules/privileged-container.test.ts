import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { lintModule } from '../../server/src/rules/engine';
import { checkSyntax } from '../../server/src/service/hclParser';
import { privilegedContainer } from '../../server/src/rules/privileged-container';
import { applyFixes } from '../../server/src/rules/applyFixes';
import { ruleTable, toModule } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const dockerSidecar = `${head}
resource "docker_network" "private_network" {
  name = "network-\${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]
}

resource "docker_container" "workspace" {
  count   = data.coder_workspace.me.start_count
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env = [
    "CODER_AGENT_TOKEN=\${coder_agent.main.token}",
    "DOCKER_HOST=\${docker_container.dind.name}:2375"
  ]
}
`;

/** The pod metadata the Sysbox switch adds (the pod has none): the user-namespace annotation Sysbox pods need. */
const USERNS_METADATA = `  metadata {
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
`;

const kubernetesSidecar = (spec = '', tail = '', privileged = 'true') => `${head}
resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  spec {
${spec}    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged  = ${privileged}
        run_as_user = 0
      }
      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]
    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
    }
  }
${tail}}
`;

ruleTable(privilegedContainer, {
  valid: [
    {
      name: 'envbox\'s outer container must be privileged',
      files: `${head}
resource "kubernetes_pod" "envbox" {
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
      security_context {
        privileged = true
      }
    }
  }
}

resource "docker_container" "envbox" {
  image      = "ghcr.io/coder/envbox:0.6.7"
  privileged = true
}
`,
    },
    {
      name: 'not privileged, privileged = false, or privileged from a variable',
      files: `${head}
resource "docker_container" "a" {
  image = "x"
}

resource "docker_container" "b" {
  image      = "x"
  privileged = false
}

resource "docker_container" "c" {
  image      = "x"
  privileged = var.privileged
}
`,
    },
  ],
  invalid: [
    {
      name: 'the docs Docker sidecar',
      files: dockerSidecar,
      findings: [
        {
          at: 'privileged = true',
          messageId: 'dindSidecar',
          message: /^This privileged Docker sidecar is the "privileged sidecar" method, which Coder's docs call insecure: .*root on the node.*DOCKER_HOST/,
          fixTitle: null,
          suggestions: ['Switch to the Sysbox runtime'],
        },
      ],
    },
    {
      name: 'the docs Kubernetes sidecar',
      files: kubernetesSidecar(),
      findings: [{ at: 'privileged  = true', messageId: 'dindSidecar', message: /privileged Docker sidecar/, fixTitle: null, suggestions: ['Switch to the Sysbox runtime'] }],
    },
    {
      name: 'privileged = "true" is privileged: Terraform converts the string',
      files: kubernetesSidecar('', '', '"true"'),
      findings: [{ at: 'privileged  = "true"', messageId: 'dindSidecar', message: /privileged Docker sidecar/, suggestions: ['Switch to the Sysbox runtime'] }],
    },
    {
      name: 'a privileged workspace container (the privileged dev-container starter)',
      files: `${head}
resource "docker_container" "workspace" {
  image      = "codercom/enterprise-node:ubuntu"
  privileged = true
  entrypoint = ["sh", "-c", coder_agent.main.init_script]
}
`,
      findings: [{ at: 'privileged = true', messageId: 'workspace', message: /^The workspace container is privileged: .*anyone who can open a terminal in the workspace/ }],
    },
  ],
  noFix: [
    {
      name: 'a kubernetes provider pinned below 2.16.0: no runtime_class_name to switch to, so no suggestion',
      files: `terraform {
  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "2.12.1"
    }
  }
}
${kubernetesSidecar()}`,
      findings: [{ at: 'privileged  = true', messageId: 'dindSidecar', message: /privileged Docker sidecar/ }],
    },
    {
      name: 'a privileged container on the host network: Sysbox refuses host namespaces, so no switch is offered',
      files: `${head}
resource "docker_container" "tools" {
  image        = "alpine"
  privileged   = true
  network_mode = "host"
}
`,
      findings: [{ at: 'privileged   = true', messageId: 'otherContainer', message: /^This container is privileged/ }],
    },
    {
      name: 'privileged through a local: known true, but the switch is the user\'s to make there',
      files: `locals {
  privileged = true
}
${kubernetesSidecar('', '', 'local.privileged')}`,
      findings: [{ at: 'privileged  = local.privileged', messageId: 'dindSidecar', message: /privileged Docker sidecar/ }],
    },
  ],
});

describe('rule privileged-container: the "Switch to the Sysbox runtime" suggestion', () => {
  before(() => initParser());

  const applySuggestion = async (text: string) => {
    const module = toModule(text);
    const [finding] = lintModule(module, [privilegedContainer]);
    const suggestion = finding.suggestions?.[0];
    assert.ok(suggestion);
    const fixed = applyFixes(new Map([[module.files[0].path, text]]), [suggestion]).get(module.files[0].path)!;
    assert.deepEqual(await checkSyntax(toModule(fixed).files[0]), []);
    assert.deepEqual(lintModule(toModule(fixed), [privilegedContainer]), []);
    return fixed;
  };

  it('docker: privileged = true becomes runtime = "sysbox-runc" in place, realigned', async () => {
    const fixed = await applySuggestion(dockerSidecar);
    assert.equal(
      fixed,
      dockerSidecar.replace(
        `  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]`,
        `  image      = "docker:dind"
  runtime    = "sysbox-runc"
  name       = "dind-\${data.coder_workspace.me.id}"
  entrypoint = ["dockerd", "-H", "tcp://0.0.0.0:2375"]`,
      ),
    );
  });

  it('kubernetes: privileged leaves the container, runtime_class_name joins the pod spec', async () => {
    const fixed = await applySuggestion(kubernetesSidecar());
    assert.equal(
      fixed,
      kubernetesSidecar('    runtime_class_name = "sysbox-runc"\n', USERNS_METADATA).replace(
        `        privileged  = true
        run_as_user = 0`,
        '        run_as_user = 0',
      ),
    );
  });

  it('with CRLF line ends the suggestion keeps them', async () => {
    const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
    const fixed = await applySuggestion(crlf(kubernetesSidecar()));
    assert.equal(
      fixed,
      crlf(
        kubernetesSidecar('    runtime_class_name = "sysbox-runc"\n', USERNS_METADATA).replace(
          `        privileged  = true
        run_as_user = 0`,
          '        run_as_user = 0',
        ),
      ),
    );
  });
});
