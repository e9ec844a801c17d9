import { podmanApparmorAnnotation } from '../../server/src/rules/podman-apparmor-annotation';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
`;

const KEY = 'container.apparmor.security.beta.kubernetes.io';

const pod = (metadata: string, containerName = 'dev', image = 'ghcr.io/coder/podman:ubuntu', extra = '') => `${head}
resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = "coder-\${data.coder_workspace.me.id}"
    namespace = "default"
${metadata}  }
  spec {
    container {
      name    = "${containerName}"
      image   = "${image}"
      command = ["/bin/bash", "-c", coder_agent.dev.init_script]
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.dev.token
      }
    }
${extra}  }
}
`;

const annotations = (...entries: string[]) => `    annotations = {\n${entries.map((e) => `      ${e}\n`).join('')}    }\n`;

ruleTable(podmanApparmorAnnotation, {
  valid: [
    { name: 'the annotation named after the podman container', files: pod(annotations(`"${KEY}/dev" = "unconfined"`)) },
    { name: 'annotations from a variable are not guessed at', files: `variable "annotations" {\n  default = {}\n}\n${pod('    annotations = var.annotations\n')}` },
    { name: 'near miss: a pod without a podman container', files: pod('', 'dev', 'codercom/enterprise-base:ubuntu') },
    {
      name: 'an annotation for an init container is not stale',
      files: pod(annotations(`"${KEY}/dev"  = "unconfined"`, `"${KEY}/init" = "runtime/default"`), 'dev', 'ghcr.io/coder/podman:ubuntu', '    init_container {\n      name  = "init"\n      image = "busybox"\n    }\n'),
    },
  ],
  invalid: [
    {
      name: 'no annotations at all: the map is added below the metadata attributes',
      files: pod(''),
      findings: [
        {
          at: '"ghcr.io/coder/podman:ubuntu"',
          messageId: 'missingAnnotation',
          message: /^Container `dev` of `kubernetes_pod\.main` runs Podman under the default AppArmor profile, .*Annotate the pod with `"container\.apparmor\.security\.beta\.kubernetes\.io\/dev" = "unconfined"`/,
          fixTitle: `Add the annotation "${KEY}/dev" = "unconfined"`,
        },
      ],
      output: pod(annotations(`"${KEY}/dev" = "unconfined"`)),
    },
    {
      name: 'an annotations map without the AppArmor entry: added and aligned',
      files: pod(annotations('"com.coder.user.email" = "a@example.com"')),
      findings: [{ at: '"ghcr.io/coder/podman:ubuntu"', messageId: 'missingAnnotation' }],
      output: pod(annotations(`"com.coder.user.email"${' '.repeat(`${KEY}/dev`.length - 'com.coder.user.email'.length)} = "a@example.com"`, `"${KEY}/dev" = "unconfined"`)),
    },
    {
      name: 'the annotation names a container the pod does not have: renamed (and set to unconfined)',
      files: pod(annotations(`"${KEY}/workspace" = "runtime/default"`)),
      findings: [
        {
          at: `"${KEY}/workspace"`,
          messageId: 'misnamedAnnotation',
          message: /^The AppArmor annotation names container `workspace`, but this pod has no container of that name, so container `dev` of `kubernetes_pod\.main` keeps the default AppArmor profile/,
          fixTitle: `Rename the annotation to "${KEY}/dev" = "unconfined"`,
        },
      ],
      output: pod(annotations(`"${KEY}/dev" = "unconfined"`)),
    },
    {
      name: 'an annotation for the pod\'s other container is not stale; the podman one is still missing',
      files: pod(annotations(`"${KEY}/sidecar" = "runtime/default"`), 'dev', 'ghcr.io/coder/podman:ubuntu', '    container {\n      name  = "sidecar"\n      image = "busybox"\n    }\n'),
      findings: [{ at: '"ghcr.io/coder/podman:ubuntu"', messageId: 'missingAnnotation' }],
      output: pod(
        annotations(`"${KEY}/sidecar" = "runtime/default"`, `"${KEY}/dev"     = "unconfined"`),
        'dev',
        'ghcr.io/coder/podman:ubuntu',
        '    container {\n      name  = "sidecar"\n      image = "busybox"\n    }\n',
      ),
    },
    {
      name: 'deployment: the annotation goes into spec.template.metadata',
      files: `${head}
resource "kubernetes_deployment_v1" "main" {
  metadata {
    name = "w"
  }
  spec {
    template {
      metadata {
        labels = {
          app = "coder"
        }
      }
      spec {
        container {
          name  = "dev"
          image = "codercom/example-podman:ubuntu"
        }
      }
    }
  }
}
`,
      findings: [{ at: '"codercom/example-podman:ubuntu"', messageId: 'missingAnnotation' }],
      output: `${head}
resource "kubernetes_deployment_v1" "main" {
  metadata {
    name = "w"
  }
  spec {
    template {
      metadata {
        labels = {
          app = "coder"
        }
        annotations = {
          "${KEY}/dev" = "unconfined"
        }
      }
      spec {
        container {
          name  = "dev"
          image = "codercom/example-podman:ubuntu"
        }
      }
    }
  }
}
`,
    },
  ],
  noFix: [
    {
      name: 'a stale annotation beside the right one: reported without a fix',
      files: pod(annotations(`"${KEY}/dev"    = "unconfined"`, `"${KEY}/podman" = "unconfined"`)),
      findings: [{ at: `"${KEY}/podman"`, messageId: 'strayAnnotation', message: /names container `podman`, but this pod has no container of that name: it has no effect/ }],
    },
    {
      name: 'a stale annotation whose profile the template computes: the profile is the user\'s, so no rename',
      files: `variable "profile" {\n  default = "unconfined"\n}\n${pod(annotations(`"${KEY}/workspace" = var.profile`))}`,
      findings: [{ at: `"${KEY}/workspace"`, messageId: 'misnamedAnnotation', message: /names container `workspace`, but this pod has no container of that name/ }],
    },
  ],
});
