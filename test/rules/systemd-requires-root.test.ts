import { systemdRequiresRoot } from '../../server/src/rules/systemd-requires-root';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

/** The docs' Systemd-in-Docker pod, with the pod security_context and container extras given. */
const systemdPod = (podSecurity: string) => `${head}
resource "kubernetes_pod" "dev" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    runtime_class_name = "sysbox-runc"
${podSecurity}    container {
      name  = "dev"
      image = "codercom/enterprise-base:ubuntu"
      env {
        name  = "CODER_AGENT_TOKEN"
        value = coder_agent.main.token
      }
      command = ["sh", "-c", <<EOF
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

const systemdDeployment = (podSecurity: string, containerSecurity: string) => `${head}
resource "kubernetes_deployment_v1" "dev" {
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    replicas = 1
    template {
      spec {
        runtime_class_name = "sysbox-runc"
${podSecurity}        container {
          name    = "dev"
          image   = "codercom/enterprise-base:ubuntu"
          command = ["sh", "-c", "\${coder_agent.main.init_script} & exec /lib/systemd/systemd"]
${containerSecurity}        }
      }
    }
  }
}
`;

const rootContext = `    security_context {
      run_as_user = 0
      fs_group    = 0
    }
`;

ruleTable(systemdRequiresRoot, {
  valid: [
    { name: 'the docs Systemd in Docker example', files: systemdPod(rootContext) },
    {
      name: 'run_as_user given as the string "0"',
      files: systemdPod(`    security_context {
      run_as_user = "0"
    }
`),
    },
    {
      name: 'a non-systemd pod running as 1000 (the Sysbox example)',
      files: `${head}
resource "kubernetes_pod" "dev" {
  spec {
    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
    container {
      name    = "dev"
      command = ["sh", "-c", coder_agent.main.init_script]
    }
  }
}
`,
    },
    {
      name: 'run_as_user from a variable: not known here',
      files: systemdPod(`    security_context {
      run_as_user = var.uid
    }
`),
    },
    {
      name: 'a docker_container booting systemd from an official image (Docker Hub\'s official images start as root)',
      files: `${head}
resource "docker_container" "w" {
  image   = "ubuntu:22.04"
  runtime = "sysbox-runc"
  command = ["/sbin/init"]
}
`,
    },
    {
      name: 'a docker_container booting systemd as root: user = "0:0", "root" or "0"',
      files: `${head}
resource "docker_container" "a" {
  image   = "codercom/enterprise-base:ubuntu"
  user    = "0:0"
  command = ["sh", "-c", "exec /usr/sbin/init"]
}

resource "docker_container" "b" {
  image      = "codercom/enterprise-base:ubuntu"
  user       = "root"
  entrypoint = ["/lib/systemd/systemd"]
}

resource "docker_container" "c" {
  image   = "codercom/enterprise-base:ubuntu"
  user    = "0"
  command = ["/sbin/init"]
}
`,
    },
    {
      name: 'a docker_container whose user or image the template does not spell out',
      files: `${head}
resource "docker_container" "a" {
  image   = "codercom/enterprise-base:ubuntu"
  user    = var.user
  command = ["/sbin/init"]
}

resource "docker_container" "b" {
  image   = var.image
  command = ["/sbin/init"]
}

resource "docker_container" "c" {
  image   = "ghcr.io/acme/\${var.flavour}:latest"
  command = ["/sbin/init"]
}
`,
    },
    {
      name: 'a Kubernetes container from a root image and no run_as_user',
      files: systemdPod('').replace('codercom/enterprise-base:ubuntu', 'nestybox/ubuntu-jammy-systemd-docker'),
    },
  ],
  invalid: [
    {
      name: 'case 8: a docker_container that execs /usr/sbin/init on a codercom image without user: user = "0:0" is added',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", "\${coder_agent.main.init_script} & exec /usr/sbin/init"]
}
`,
      findings: [
        {
          at: '/usr/sbin/init',
          messageId: 'dockerImageUser',
          message: /boots systemd \(`\/usr\/sbin\/init`\), which must run as root, but no `user` is set, so it runs as the image's user \(`codercom\/enterprise-base:ubuntu` is not known to start as root/,
          fixTitle: 'Run the container as root (`user = "0:0"`)',
        },
      ],
      output: `${head}
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", "\${coder_agent.main.init_script} & exec /usr/sbin/init"]
  user    = "0:0"
}
`,
    },
    {
      name: 'case 8: a docker_container running /sbin/init as user coder',
      files: `${head}
resource "docker_container" "workspace" {
  image   = "ubuntu:22.04"
  user    = "coder"
  command = ["/sbin/init"]
}
`,
      findings: [{ at: 'user    = "coder"', messageId: 'dockerUser', message: /the container runs as `"coder"` \(its `user`\)/ }],
      output: `${head}
resource "docker_container" "workspace" {
  image   = "ubuntu:22.04"
  user    = "0:0"
  command = ["/sbin/init"]
}
`,
    },
    {
      name: 'the Sysbox example\'s run_as_user = 1000 with exec /sbin/init',
      files: systemdPod(`    security_context {
      run_as_user = 1000
      fs_group    = 1000
    }
`),
      findings: [
        {
          at: 'run_as_user = 1000',
          messageId: 'podRunAsUser',
          message: /boots systemd \(`\/sbin\/init`\), which must run as root, but the container runs as user 1000 \(`run_as_user` in the pod's `security_context`\)/,
          fixTitle: 'Run the pod as root (`run_as_user = 0`, `fs_group = 0`)',
        },
      ],
      output: systemdPod(rootContext),
    },
    {
      name: 'no security_context at all: the range is the init in the script; the block is added',
      files: systemdPod(''),
      findings: [{ at: '/sbin/init', messageId: 'kubernetesImageUser', message: /no `run_as_user` is set, so it runs as the image's user/ }],
      output: systemdPod('').replace(
        '      ]\n    }\n  }\n}\n',
        '      ]\n    }\n    security_context {\n      run_as_user = 0\n      fs_group    = 0\n    }\n  }\n}\n',
      ),
    },
    {
      name: 'the kubernetes starter\'s contexts in a deployment: run_as_non_root on the pod, a string uid on the container',
      files: systemdDeployment(`        security_context {
          run_as_user     = 0
          run_as_non_root = true
        }
`, `          security_context {
            run_as_user = "1000"
          }
`),
      findings: [{ at: 'run_as_user = "1000"', messageId: 'containerRunAsUser', message: /runs as user "1000" \(`run_as_user` in the container's `security_context`\)/ }],
      output: systemdDeployment(`        security_context {
          run_as_user     = 0
          run_as_non_root = false
          fs_group        = 0
        }
`, `          security_context {
            run_as_user = "0"
          }
`),
    },
    {
      name: 'root, but run_as_non_root = true forbids it',
      files: systemdPod(`    security_context {
      run_as_user     = 0
      fs_group        = 0
      run_as_non_root = true
    }
`),
      findings: [{ at: 'run_as_non_root = true', messageId: 'runAsNonRoot', message: /`run_as_non_root = true` makes the kubelet refuse to start it as root/ }],
      output: systemdPod(`    security_context {
      run_as_user     = 0
      fs_group        = 0
      run_as_non_root = false
    }
`),
    },
  ],
  noFix: [
    {
      name: 'fs_group from a variable: the pod runs as 1000, but a setting the template computes is not overwritten',
      files: systemdPod(`    security_context {
      run_as_user = 1000
      fs_group    = var.gid
    }
`),
      findings: [{ at: 'run_as_user = 1000', messageId: 'podRunAsUser', message: /runs as user 1000/ }],
    },
    {
      name: 'run_as_non_root through a local on the container: known true, but the user\'s switch',
      files: `locals {\n  non_root = true\n}\n${systemdPod(rootContext)}`.replace(
        '      image = "codercom/enterprise-base:ubuntu"\n',
        '      image = "codercom/enterprise-base:ubuntu"\n      security_context {\n        run_as_non_root = local.non_root\n      }\n',
      ),
      findings: [{ at: 'run_as_non_root = local.non_root', messageId: 'runAsNonRoot', message: /`run_as_non_root = true` makes the kubelet refuse/ }],
    },
  ],
});
