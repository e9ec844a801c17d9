import { sysboxUsernsAnnotation } from '../../server/src/rules/sysbox-userns-annotation';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const container = `    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
    }`;

const pod = (metadata: string, runtime = '    runtime_class_name = "sysbox-runc"\n') => `${head}
resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
${metadata}
  spec {
${runtime}${container}
  }
}
`;

ruleTable(sysboxUsernsAnnotation, {
  valid: [
    {
      name: 'the docs Sysbox Kubernetes example',
      files: pod(`  metadata {
    name      = "coder-\${data.coder_workspace.me.id}"
    namespace = "coder"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }`),
    },
    {
      name: 'a pod without Sysbox',
      files: pod(`  metadata {
    name = "dev"
  }`, ''),
    },
    {
      name: 'a pod with another runtime class',
      files: pod(`  metadata {
    name = "dev"
  }`, '    runtime_class_name = "gvisor"\n'),
    },
    {
      name: 'annotations computed with merge(): the keys are unknown here',
      files: pod(`  metadata {
    name        = "dev"
    annotations = merge(var.annotations, {})
  }`),
    },
    {
      name: 'the annotation inside merge() through a local is seen',
      files: `locals {\n  sysbox = { "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" }\n}\n${pod(`  metadata {
    name        = "dev"
    annotations = merge({ team = "a" }, local.sysbox)
  }`)}`,
    },
    {
      name: 'a runtime class from a variable: not known to be Sysbox',
      files: pod(`  metadata {
    name = "dev"
  }`, '    runtime_class_name = var.runtime_class\n'),
    },
    {
      name: 'an annotations map with a computed key, which may be the one',
      files: pod(`  metadata {
    name = "dev"
    annotations = {
      (var.userns_key) = "auto:size=65536"
    }
  }`),
    },
    {
      name: 'a docker container under Sysbox has no pod metadata',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
}
`,
    },
    {
      name: 'a deployment with the annotation on its pod template',
      files: `${head}
resource "kubernetes_deployment_v1" "dev" {
  metadata {
    name = "dev"
  }
  spec {
    template {
      metadata {
        annotations = {
          "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
        }
      }
      spec {
        runtime_class_name = "sysbox-runc"
    ${container.replace(/\n/g, '\n    ')}
      }
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'pod metadata without annotations: the map is added',
      files: pod(`  metadata {
    name      = "coder-\${data.coder_workspace.me.id}"
    namespace = "coder"
  }`),
      findings: [
        {
          at: 'runtime_class_name = "sysbox-runc"',
          messageId: 'missingAnnotation',
          message: /runs under Sysbox but `metadata\.annotations` lacks "io\.kubernetes\.cri-o\.userns-mode".*"auto:size=65536"/,
          fixTitle: 'Add the "io.kubernetes.cri-o.userns-mode" annotation',
        },
      ],
      output: pod(`  metadata {
    name      = "coder-\${data.coder_workspace.me.id}"
    namespace = "coder"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }`),
    },
    {
      name: 'an aligned annotations map with other entries: the entry joins the alignment',
      files: pod(`  metadata {
    name = "dev"
    annotations = {
      "a.example/x" = "1"
      "b.example/y" = "2"
    }
  }`),
      findings: [{ at: 'runtime_class_name = "sysbox-runc"', messageId: 'missingAnnotation' }],
      output: pod(`  metadata {
    name = "dev"
    annotations = {
      "a.example/x"                     = "1"
      "b.example/y"                     = "2"
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }`),
    },
    {
      name: 'an empty map and an inline map',
      files: {
        'main.tf': pod(`  metadata {
    name        = "dev"
    annotations = {}
  }`),
        'other.tf': `resource "kubernetes_pod_v1" "other" {
  metadata {
    annotations = { "a" = "b" }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name = "x"
    }
  }
}
`,
      },
      findings: [
        { at: 'runtime_class_name = "sysbox-runc"', messageId: 'missingAnnotation' },
        { file: 'other.tf', messageId: 'missingAnnotation', at: 'runtime_class_name = "sysbox-runc"' },
      ],
      output: {
        'main.tf': pod(`  metadata {
    name        = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }`),
        'other.tf': `resource "kubernetes_pod_v1" "other" {
  metadata {
    annotations = { "a" = "b", "io.kubernetes.cri-o.userns-mode" = "auto:size=65536" }
  }
  spec {
    runtime_class_name = "sysbox-runc"
    container {
      name = "x"
    }
  }
}
`,
      },
    },
    {
      name: 'a deployment annotated on the deployment, not on its pod template; a template without metadata',
      files: `${head}
resource "kubernetes_deployment" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    template {
      spec {
        runtime_class_name = "sysbox-runc"
        container {
          name = "dev"
        }
      }
    }
  }
}
`,
      findings: [{ at: 'runtime_class_name = "sysbox-runc"', messageId: 'missingAnnotation', message: /`spec\.template\.metadata\.annotations` lacks/ }],
      output: `${head}
resource "kubernetes_deployment" "dev" {
  metadata {
    name = "dev"
    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
  }
  spec {
    template {
      spec {
        runtime_class_name = "sysbox-runc"
        container {
          name = "dev"
        }
      }
      metadata {
        annotations = {
          "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
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
      name: 'annotations built by merge() of maps the reader sees whole, without the key: found, but the merge is the user\'s to edit',
      files: pod(`  metadata {
    name        = "dev"
    annotations = merge({ team = "a" }, { owner = "b" })
  }`),
      findings: [{ at: 'runtime_class_name = "sysbox-runc"', messageId: 'missingAnnotation', message: /`metadata\.annotations` lacks "io\.kubernetes\.cri-o\.userns-mode"/ }],
    },
  ],
});
