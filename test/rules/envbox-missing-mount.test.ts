import { envboxMissingMount } from '../../server/src/rules/envbox-missing-mount';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const mount = (path: string) => `      volume_mount {\n        mount_path = "${path}"\n        name       = "v"\n      }\n`;
const ALL = ['/var/lib/coder/docker', '/var/lib/coder/containers', '/var/lib/sysbox', '/var/lib/docker', '/var/lib/containers', '/usr/src', '/lib/modules'];

const pod = (type: string, mounts: string) => `${head}
resource "${type}" "main" {
  metadata {
    name = "w"
  }
  spec {
    container {
      name  = "dev"
      image = "ghcr.io/coder/envbox:latest"
${mounts}    }
  }
}
`;

const dockerVolumes = (paths: string[]) => `${head}
resource "docker_container" "workspace" {
  image      = "ghcr.io/coder/envbox:latest"
  privileged = true
  env        = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
${paths.map((p) => `  volumes {\n    container_path = "${p}"\n    host_path      = "${p}"\n  }\n`).join('')}}
`;

ruleTable(envboxMissingMount, {
  valid: [
    { name: 'Kubernetes pod with all seven mounts', files: pod('kubernetes_pod', ALL.map(mount).join('')) },
    { name: 'trailing slashes on mount paths still count', files: pod('kubernetes_pod_v1', ALL.map((p) => mount(`${p}/`)).join('')) },
    { name: 'docker envbox with volumes blocks', files: dockerVolumes(ALL) },
    {
      name: 'docker envbox mixing volumes and mounts blocks',
      files: dockerVolumes(ALL.slice(0, 5)).replace(
        /\}\n$/,
        '  mounts {\n    target = "/usr/src"\n    source = "/usr/src"\n    type   = "bind"\n  }\n  mounts {\n    target = "/lib/modules"\n    source = "/lib/modules"\n    type   = "bind"\n  }\n}\n',
      ),
    },
    {
      name: 'dynamic volume_mount blocks over a variable are not guessed at',
      files: `variable "mounts" {\n  default = []\n}\n${pod('kubernetes_pod', '      dynamic "volume_mount" {\n        for_each = var.mounts\n        content {\n          mount_path = volume_mount.value\n        }\n      }\n')}`,
    },
    {
      name: 'dynamic volume_mount blocks over a local list of the seven paths are expanded',
      files: `locals {\n  envbox_mounts = ${JSON.stringify(ALL)}\n}\n${pod('kubernetes_pod', '      dynamic "volume_mount" {\n        for_each = toset(local.envbox_mounts)\n        iterator = m\n        content {\n          mount_path = m.value\n          name       = "v"\n        }\n      }\n')}`,
    },
    { name: 'near miss: a non-envbox container without these mounts', files: pod('kubernetes_pod', '').replace('ghcr.io/coder/envbox:latest', 'codercom/enterprise-base:ubuntu') },
  ],
  invalid: [
    {
      name: 'a dynamic block over an empty list adds no mount (was left alone before the reader expanded dynamic blocks)',
      files: pod('kubernetes_pod', '      dynamic "volume_mount" {\n        for_each = []\n        content {\n          mount_path = volume_mount.value\n        }\n      }\n'),
      findings: [{ at: '"ghcr.io/coder/envbox:latest"', messageId: 'missingStateAndNodeMounts', message: /without a volume at `\/var\/lib\/coder\/docker`, .*`\/lib\/modules`\./ }],
    },
    {
      name: 'Kubernetes pod with only /var/lib/sysbox: one finding lists the six others',
      files: pod('kubernetes_pod', mount('/var/lib/sysbox')),
      findings: [
        {
          at: '"ghcr.io/coder/envbox:latest"',
          messageId: 'missingStateAndNodeMounts',
          message:
            /^Container `dev` of `kubernetes_pod\.main` runs envbox without a volume at `\/var\/lib\/coder\/docker`, `\/var\/lib\/coder\/containers`, `\/var\/lib\/docker`, `\/var\/lib\/containers`, `\/usr\/src`, `\/lib\/modules`\. Envbox keeps .* `\/usr\/src` and `\/lib\/modules` must be the node's own/,
          fixTitle: null,
        },
      ],
    },
    {
      name: 'deployment missing only the host paths',
      files: `${head}
resource "kubernetes_deployment_v1" "main" {
  metadata {
    name = "w"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "dev"
          image = "ghcr.io/coder/envbox:0.6.7"
${ALL.slice(0, 5).map((p) => mount(p).replace(/^/gm, '    ').replace(/ +$/, '')).join('')}        }
      }
    }
  }
}
`,
      findings: [{ at: '"ghcr.io/coder/envbox:0.6.7"', messageId: 'missingNodeMounts', message: /without a volume at `\/usr\/src`, `\/lib\/modules`\. `\/usr\/src` and `\/lib\/modules` must be the node's own/ }],
    },
    {
      name: 'docker envbox missing the state paths only (the historical envbox-docker example had them all)',
      files: dockerVolumes(['/usr/src', '/lib/modules', '/var/lib/sysbox']),
      findings: [
        {
          at: '"ghcr.io/coder/envbox:latest"',
          messageId: 'missingStateMounts',
          message: /^`docker_container\.workspace` runs envbox without a volume at `\/var\/lib\/coder\/docker`, `\/var\/lib\/coder\/containers`, `\/var\/lib\/docker`, `\/var\/lib\/containers`\. Envbox keeps [^`]*$/,
        },
      ],
    },
  ],
});
