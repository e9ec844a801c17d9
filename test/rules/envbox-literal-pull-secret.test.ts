import { strict as assert } from 'node:assert';
import { before, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { lintModule } from '../../server/src/rules/engine';
import { envboxLiteralPullSecret } from '../../server/src/rules/envbox-literal-pull-secret';
import { ruleTable, toModule } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

variable "pull_secret" {
  type      = string
  sensitive = true
}
`;

const pod = (env: string, image = 'ghcr.io/coder/envbox:latest') => `${head}
resource "kubernetes_pod" "main" {
  metadata {
    name = "w"
  }
  spec {
    container {
      name  = "dev"
      image = "${image}"
${env}    }
  }
}
`;

const fromSecret = `      env {
        name = "CODER_IMAGE_PULL_SECRET"
        value_from {
          secret_key_ref {
            name = "regcred"
            key  = ".dockerconfigjson"
          }
        }
      }
`;

const SECRET = '{"auths":{"us.gcr.io":{"auth":"c2VjcmV0LXZhbHVlLTEyMw=="}}}';
const literal = `      env {\n        name  = "CODER_IMAGE_PULL_SECRET"\n        value = ${JSON.stringify(SECRET)}\n      }\n`;

const docker = (env: string) => `${head}
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  privileged = true
  env        = [${env}]
}
`;

ruleTable(envboxLiteralPullSecret, {
  valid: [
    { name: 'taken from a Kubernetes secret with value_from.secret_key_ref', files: pod(fromSecret) },
    { name: 'an empty value holds no credential', files: pod('      env {\n        name  = "CODER_IMAGE_PULL_SECRET"\n        value = ""\n      }\n') },
    { name: 'docker: passed in through a sensitive variable', files: docker('"CODER_IMAGE_PULL_SECRET=${var.pull_secret}"') },
    { name: 'near miss: a literal value on a non-envbox container', files: pod(literal, 'codercom/enterprise-base:ubuntu') },
  ],
  invalid: [
    {
      name: 'Kubernetes: a literal credential',
      files: pod(literal),
      findings: [
        {
          at: `value = ${JSON.stringify(SECRET)}`,
          messageId: 'literalInPodSpec',
          message: /^CODER_IMAGE_PULL_SECRET of container `dev` of `kubernetes_pod\.main` is set with `value`, so the registry credential is written in the template and stored in plain text .* `value_from \{ secret_key_ref/,
        },
      ],
    },
    {
      name: 'Kubernetes: value from a variable still lands in the pod spec',
      files: pod('      env {\n        name  = "CODER_IMAGE_PULL_SECRET"\n        value = var.pull_secret\n      }\n'),
      findings: [{ at: 'value = var.pull_secret', messageId: 'valueInPodSpec', message: /is set with `value`, so the registry credential is stored in plain text in the Terraform state and the pod spec/ }],
    },
    {
      name: 'docker: a credential written in the env list',
      files: docker(JSON.stringify(`CODER_IMAGE_PULL_SECRET=${SECRET}`)),
      findings: [{ messageId: 'literalInTemplate', at: JSON.stringify(`CODER_IMAGE_PULL_SECRET=${SECRET}`), message: /^CODER_IMAGE_PULL_SECRET of `docker_container\.workspace` holds a registry credential written in the template.*`sensitive` variable/ }],
    },
  ],
});

before(() => initParser());

it('never repeats the credential in its message', () => {
  for (const files of [pod(literal), docker(JSON.stringify(`CODER_IMAGE_PULL_SECRET=${SECRET}`))]) {
    const findings = lintModule(toModule(files), [envboxLiteralPullSecret]);
    assert.equal(findings.length, 1);
    for (const fragment of ['c2VjcmV0', 'auths', 'us.gcr.io']) assert.ok(!findings[0].message.includes(fragment), findings[0].message);
  }
});
