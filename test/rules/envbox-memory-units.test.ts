import { strict as assert } from 'node:assert';
import { before, it } from 'node:test';
import { initParser } from '../../server/src/model/parser';
import { lintModule } from '../../server/src/rules/engine';
import { checkSyntax } from '../../server/src/service/hclParser';
import { envboxMemoryUnits } from '../../server/src/rules/envbox-memory-units';
import { applyFixes } from '../../server/src/rules/applyFixes';
import { EDGE_VARIANTS, ruleTable, toModule } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const env = (name: string, value: string) => `      env {\n        name  = "${name}"\n        value = ${value}\n      }\n`;

const fromLimits = `      env {
        name = "CODER_MEMORY"
        value_from {
          resource_field_ref {
            resource = "limits.memory"
          }
        }
      }
`;

const pod = (envs: string) => `${head}
resource "kubernetes_pod" "main" {
  metadata {
    name = "w"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
${envs}    }
  }
}
`;

const docker = (env: string, image = 'ghcr.io/coder/envbox:latest') => `${head}
resource "docker_container" "workspace" {
  image      = "${image}"
  privileged = true
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}", ${env}]
}
`;

const SUGGESTION = 'Take CODER_MEMORY from resource_field_ref { resource = "limits.memory" }';

ruleTable(envboxMemoryUnits, {
  valid: [
    { name: 'taken from limits.memory', files: pod(fromLimits) },
    { name: 'a literal in bytes', files: pod(env('CODER_MEMORY', '"4294967296"')) },
    { name: '0 is envbox\'s "no limit"', files: pod(env('CODER_MEMORY', '0')) },
    { name: 'from a variable: not guessed at', files: `variable "memory" {\n  default = 4\n}\n${pod(env('CODER_MEMORY', 'var.memory'))}` },
    { name: 'docker: bytes', files: docker('"CODER_MEMORY=2147483648"') },
    { name: 'near miss: CODER_MEMORY=2 on a non-envbox container', files: docker('"CODER_MEMORY=2"', 'codercom/enterprise-base:ubuntu') },
  ],
  invalid: [
    {
      name: 'Kubernetes: "2" (meant as GiB)',
      files: pod(env('CODER_MEMORY', '"2"')),
      findings: [
        {
          at: '"2"',
          messageId: 'kubernetes',
          message: /^CODER_MEMORY of container `dev` of `kubernetes_pod\.main` is 2, but envbox reads it in bytes: .*2-byte memory limit.*resource_field_ref \{ resource = "limits\.memory" \}/,
          fixTitle: null,
          suggestions: [SUGGESTION],
        },
      ],
    },
    {
      name: 'Kubernetes: a number literal',
      files: pod(env('CODER_MEMORY', '512')),
      findings: [{ at: '512', messageId: 'kubernetes', suggestions: [SUGGESTION] }],
    },
    {
      name: 'docker: the historical envbox-docker example\'s CODER_MEMORY=2 (no Downward API: no suggestion)',
      files: docker('"CODER_MEMORY=2"'),
      findings: [{ at: '"CODER_MEMORY=2"', messageId: 'docker', message: /^CODER_MEMORY of `docker_container\.workspace` is 2, .*Give it in bytes/, suggestions: [] }],
    },
  ],
  noFix: [
    {
      name: 'a memory value through a local: known, but not replaced',
      files: `locals {\n  memory = 512\n}\n${pod(env('CODER_MEMORY', 'local.memory'))}`,
      findings: [{ at: 'local.memory', messageId: 'kubernetes', message: /is 512, but envbox reads it in bytes/ }],
    },
    {
      name: 'docker has no Downward API: no suggestion',
      files: docker('"CODER_MEMORY=2"'),
      findings: [{ at: '"CODER_MEMORY=2"', messageId: 'docker', message: /Give it in bytes/ }],
    },
  ],
});

before(() => initParser());

for (const [variant, transform] of [['as written', (t: string) => t] as const, ...EDGE_VARIANTS.slice(0, 2)]) {
  it(`the suggestion replaces value with value_from and re-aligns name (${variant})`, async () => {
    const text = transform(pod(env('CODER_MEMORY', '"2"')));
    const module = toModule(text);
    const [finding] = lintModule(module, [envboxMemoryUnits]);
    const fixed = applyFixes(new Map([[module.files[0].path, text]]), finding.suggestions ?? []).get(module.files[0].path) ?? '';
    assert.equal(fixed, transform(pod(fromLimits)));
    assert.deepEqual(lintModule(toModule(fixed), [envboxMemoryUnits]), []);
    assert.deepEqual(await checkSyntax(toModule(fixed).files[0]), []);
  });
}
