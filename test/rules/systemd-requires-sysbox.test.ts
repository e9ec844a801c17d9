import { systemdRequiresSysbox } from '../../server/src/rules/systemd-requires-sysbox';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

/** The user-namespace annotation the Sysbox fix adds beside `runtime_class_name`. */
const USERNS = `    annotations = {
      "io.kubernetes.cri-o.userns-mode" = "auto:size=65536"
    }
`;

const systemdPod = (spec: string, containerSecurity = '', metadata = '', init = 'exec /sbin/init') => `${head}
resource "kubernetes_pod_v1" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
${metadata}  }
  spec {
${spec}    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
${containerSecurity}      command = ["sh", "-c", <<EOF
sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
\${coder_agent.main.init_script}
EOT
${init}
EOF
      ]
    }
  }
}
`;

const rootContext = `    security_context {
      run_as_user = 0
      fs_group    = 0
    }
`;

ruleTable(systemdRequiresSysbox, {
  valid: [
    { name: 'the docs Systemd in Docker example', files: systemdPod(`    runtime_class_name = "sysbox-runc"\n${rootContext}`) },
    {
      name: 'privileged (privileged-container warns about that instead)',
      files: systemdPod(rootContext, `      security_context {
        privileged = true
      }
`),
    },
    {
      name: 'privileged = "true" is privileged (a string Terraform converts)',
      files: systemdPod(rootContext, `      security_context {
        privileged = "true"
      }
`),
    },
    {
      name: 'privileged or the runtime class from a variable: not known, so not reported',
      files: systemdPod(`    runtime_class_name = var.runtime_class\n${rootContext}`).replace(
        'resource "kubernetes_pod_v1" "dev"',
        'variable "runtime_class" {\n  default = "runc"\n}\n\nresource "kubernetes_pod_v1" "dev"',
      ),
    },
    {
      name: 'a pod that does not boot systemd; a script that only names /sbin/init-like paths',
      files: `${head}
resource "kubernetes_pod_v1" "dev" {
  spec {
    container {
      name    = "dev"
      command = ["sh", "-c", "ls /sbin/initctl; \${coder_agent.main.init_script}"]
    }
  }
}
`,
    },
    {
      name: 'docker_container under Sysbox booting systemd',
      files: `${head}
resource "docker_container" "w" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["/sbin/init"]
}
`,
    },
  ],
  invalid: [
    {
      name: 'the systemd pod without runtime_class_name',
      files: systemdPod(rootContext),
      findings: [
        {
          at: '/sbin/init',
          messageId: 'kubernetesNoSysbox',
          message: /`\/sbin\/init` boots systemd.*The "Systemd in Docker" method runs the container under Sysbox \(`runtime_class_name = "sysbox-runc"`\)/,
          fixTitle: 'Add `runtime_class_name = "sysbox-runc"`',
        },
      ],
      output: systemdPod(`    runtime_class_name = "sysbox-runc"\n${rootContext}`, '', USERNS),
    },
    {
      name: 'another runtime class is replaced',
      files: systemdPod(`    runtime_class_name = "runc"\n    restart_policy     = "Never"\n`),
      findings: [{ at: '/sbin/init', messageId: 'kubernetesNoSysbox' }],
      output: systemdPod(`    runtime_class_name = "sysbox-runc"\n    restart_policy     = "Never"\n`, '', USERNS),
    },
    {
      name: 'exec /usr/sbin/init boots systemd too (the same test as method detection)',
      files: systemdPod(rootContext, '', '', 'exec /usr/sbin/init'),
      findings: [{ at: '/usr/sbin/init', messageId: 'kubernetesNoSysbox', message: /^`\/usr\/sbin\/init` boots systemd/ }],
      output: systemdPod(`    runtime_class_name = "sysbox-runc"\n${rootContext}`, '', USERNS, 'exec /usr/sbin/init'),
    },
    {
      name: 'a deployment whose container runs /lib/systemd/systemd through args',
      files: `${head}
resource "kubernetes_deployment_v1" "main" {
  spec {
    template {
      spec {
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["/bin/sh", "-c"]
          args    = ["\${coder_agent.main.init_script} & exec /lib/systemd/systemd"]
        }
      }
    }
  }
}
`,
      findings: [{ at: '/lib/systemd/systemd', messageId: 'kubernetesNoSysbox', fixTitle: 'Add `runtime_class_name = "sysbox-runc"`' }],
      output: `${head}
resource "kubernetes_deployment_v1" "main" {
  spec {
    template {
      spec {
        runtime_class_name = "sysbox-runc"
        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["/bin/sh", "-c"]
          args    = ["\${coder_agent.main.init_script} & exec /lib/systemd/systemd"]
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
    {
      name: 'a docker_container booting /lib/systemd/systemd',
      files: `${head}
resource "docker_container" "w" {
  image      = "jrei/systemd-ubuntu"
  entrypoint = ["/lib/systemd/systemd"]
}
`,
      findings: [{ at: '/lib/systemd/systemd', messageId: 'dockerNoSysbox', fixTitle: 'Add `runtime = "sysbox-runc"`', message: /\(`runtime = "sysbox-runc"`\)/ }],
      output: `${head}
resource "docker_container" "w" {
  image      = "jrei/systemd-ubuntu"
  entrypoint = ["/lib/systemd/systemd"]
  runtime    = "sysbox-runc"
}
`,
    },
  ],
  noFix: [
    {
      name: 'pod annotations from a variable: the Sysbox annotation cannot be added, so no fix',
      files: systemdPod(rootContext, '', '    annotations = var.annotations\n'),
      findings: [{ at: '/sbin/init', messageId: 'kubernetesNoSysbox' }],
    },
    {
      name: 'a runtime class the template computes is the user\'s: no fix',
      files: systemdPod(`    runtime_class_name = local.gpu ? "nvidia" : "runc"\n${rootContext}`).replace(
        'resource "kubernetes_pod_v1" "dev"',
        'locals {\n  gpu = false\n}\n\nresource "kubernetes_pod_v1" "dev"',
      ),
      findings: [{ at: '/sbin/init', messageId: 'kubernetesNoSysbox' }],
    },
  ],
});
