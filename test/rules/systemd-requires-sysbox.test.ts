import { systemdRequiresSysbox } from '../../server/src/rules/systemd-requires-sysbox';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

const systemdPod = (spec: string, containerSecurity = '') => `${head}
resource "kubernetes_pod_v1" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
${spec}    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
${containerSecurity}      command = ["sh", "-c", <<EOF
sudo -u coder --preserve-env=CODER_AGENT_TOKEN /bin/bash -- <<-'EOT' &
\${coder_agent.main.init_script}
EOT
exec /sbin/init
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
          message: /`\/sbin\/init` boots systemd.*The "Systemd in Docker" method runs the container under Sysbox \(`runtime_class_name = "sysbox-runc"`\)/,
          fixTitle: 'Add `runtime_class_name = "sysbox-runc"`',
        },
      ],
      output: systemdPod(`    runtime_class_name = "sysbox-runc"\n${rootContext}`),
    },
    {
      name: 'another runtime class is replaced',
      files: systemdPod(`    runtime_class_name = "runc"\n    restart_policy     = "Never"\n`),
      findings: [{ at: '/sbin/init' }],
      output: systemdPod(`    runtime_class_name = "sysbox-runc"\n    restart_policy     = "Never"\n`),
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
      findings: [{ at: '/lib/systemd/systemd', fixTitle: 'Add `runtime_class_name = "sysbox-runc"`' }],
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
      findings: [{ at: '/lib/systemd/systemd', fixTitle: 'Add `runtime = "sysbox-runc"`', message: /\(`runtime = "sysbox-runc"`\)/ }],
      output: `${head}
resource "docker_container" "w" {
  image      = "jrei/systemd-ubuntu"
  entrypoint = ["/lib/systemd/systemd"]
  runtime    = "sysbox-runc"
}
`,
    },
  ],
});
