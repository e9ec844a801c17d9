import { envboxGpuNeedsUsrLib } from '../../server/src/rules/envbox-gpu-needs-usr-lib';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const env = (name: string, value: string) => `      env {\n        name  = "${name}"\n        value = ${value}\n      }\n`;

const pod = (envs: string, image = 'ghcr.io/coder/envbox:latest') => `${head}
resource "kubernetes_pod_v1" "main" {
  metadata {
    name = "w"
  }
  spec {
    container {
      name  = "dev"
      image = "${image}"
${envs}    }
  }
}
`;

const docker = (env: string) => `${head}
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  privileged = true
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}", ${env}]
}
`;

ruleTable(envboxGpuNeedsUsrLib, {
  valid: [
    { name: 'GPUs with CODER_USR_LIB_DIR', files: pod(env('CODER_ADD_GPU', '"true"') + env('CODER_USR_LIB_DIR', '"/var/coder/usr/lib"')) },
    { name: 'CODER_ADD_GPU false', files: pod(env('CODER_ADD_GPU', '"false"')) },
    { name: 'CODER_ADD_GPU from a variable is not guessed at', files: `variable "gpu" {\n  default = false\n}\n${pod(env('CODER_ADD_GPU', 'var.gpu'))}` },
    { name: 'docker: GPUs with CODER_USR_LIB_DIR', files: docker('"CODER_ADD_GPU=true", "CODER_USR_LIB_DIR=/var/coder/usr/lib"') },
    { name: 'near miss: CODER_ADD_GPU on a non-envbox container', files: pod(env('CODER_ADD_GPU', '"true"'), 'nvidia/cuda:12.4.0-base-ubuntu22.04') },
  ],
  invalid: [
    {
      name: 'Kubernetes: CODER_ADD_GPU = "true" without CODER_USR_LIB_DIR',
      files: pod(env('CODER_ADD_GPU', '"true"')),
      findings: [
        {
          range: [15, 6, 18, 7],
          messageId: 'missingUsrLibDir',
          message: /^Container `dev` of `kubernetes_pod_v1\.main` asks envbox for GPUs \(CODER_ADD_GPU\) without CODER_USR_LIB_DIR: .*exits at start/,
          fixTitle: null,
        },
      ],
    },
    {
      name: 'Kubernetes: boolean true and an empty CODER_USR_LIB_DIR',
      files: pod(env('CODER_ADD_GPU', 'true') + env('CODER_USR_LIB_DIR', '""')),
      findings: [{ range: [15, 6, 18, 7], messageId: 'missingUsrLibDir' }],
    },
    {
      name: 'docker: "CODER_ADD_GPU=1" (Go reads 1 as true)',
      files: docker('"CODER_ADD_GPU=1"'),
      findings: [{ at: '"CODER_ADD_GPU=1"', messageId: 'missingUsrLibDir', message: /^`docker_container\.workspace` asks envbox for GPUs/ }],
    },
  ],
});
