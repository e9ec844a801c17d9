import { dindInsecureTcp } from '../../server/src/rules/dind-insecure-tcp';
import { ruleTable } from '../helpers/ruleTester';

const head = `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`;

/** A pod with a privileged dind sidecar (given its command/args lines) and the workspace container. */
const pod = (sidecar: string, type = 'kubernetes_pod') => `${head}
resource "${type}" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name = "coder-\${data.coder_workspace.me.id}"
  }
  spec {
    container {
      name  = "docker-sidecar"
      image = "docker:dind"
      security_context {
        privileged = true
      }
${sidecar}    }
    container {
      name    = "dev"
      image   = "codercom/enterprise-base:ubuntu"
      command = ["sh", "-c", coder_agent.main.init_script]
      env {
        name  = "DOCKER_HOST"
        value = "tcp://localhost:2375"
      }
    }
  }
}
`;

const docker = (entrypoint: string) => `${head}
resource "docker_network" "private_network" {
  name = "network-\${data.coder_workspace.me.id}"
}

resource "docker_container" "dind" {
  image      = "docker:dind"
  privileged = true
  name       = "dind-\${data.coder_workspace.me.id}"
  entrypoint = ${entrypoint}
  networks_advanced {
    name = docker_network.private_network.name
  }
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}", "DOCKER_HOST=tcp://\${docker_container.dind.name}:2375"]
  networks_advanced {
    name = docker_network.private_network.name
  }
}
`;

/** A DOCKER_TLS_CERTDIR env block for the sidecar of `pod`. */
const certDir = (value: string) => `      env {\n        name  = "DOCKER_TLS_CERTDIR"\n        value = ${value}\n      }\n`;

const startup = (script: string) => `data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOT
    #!/bin/sh
${script}
  EOT
}

resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
}
`;

ruleTable(dindInsecureTcp, {
  valid: [
    { name: 'the docs Kubernetes sidecar: loopback 127.0.0.1', files: pod('      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]\n') },
    { name: 'tcp://localhost and [::1] are loopback too', files: pod('      command = ["dockerd", "-H", "tcp://localhost:2375", "--host=tcp://[::1]:2376"]\n') },
    {
      name: 'TLS with client verification',
      files: docker('["dockerd", "-H", "tcp://0.0.0.0:2376", "--tlsverify", "--tlscacert=/certs/ca.pem", "--tlscert=/certs/cert.pem", "--tlskey=/certs/key.pem"]'),
    },
    { name: 'only the Unix socket', files: docker('["dockerd", "-H", "unix:///var/run/docker.sock"]') },
    { name: 'an address from a variable is not guessed at', files: `variable "addr" {\n  default = "127.0.0.1"\n}\n${docker('["dockerd", "-H", "tcp://${var.addr}:2375"]')}` },
    { name: 'Sysbox workspace starting dockerd on its socket', files: startup('    sudo dockerd > /tmp/dockerd.log 2>&1 &') },
    { name: 'near miss: a client pointed at a remote daemon is not a daemon listening', files: startup('    docker -H tcp://0.0.0.0:2375 ps') },
    { name: 'near miss: a dind container whose command is a client call, not dockerd flags', files: pod('      args = ["sh", "-c", "docker -H tcp://0.0.0.0:2375 info"]\n') },
    { name: 'the dind image with its default DOCKER_TLS_CERTDIR: its entrypoint serves TLS on 2376', files: pod('') },
    { name: 'DOCKER_TLS_CERTDIR set to a directory: TLS', files: pod(certDir('"/certs"')) },
    { name: 'DOCKER_TLS_CERTDIR from a variable: not known', files: `variable "certs" {\n  default = ""\n}\n${pod(certDir('var.certs'))}` },
    { name: 'empty DOCKER_TLS_CERTDIR, but the command runs dockerd itself (the entrypoint adds nothing)', files: pod(`      command = ["dockerd", "-H", "unix:///var/run/docker.sock"]\n${certDir('""')}`) },
    { name: 'empty DOCKER_TLS_CERTDIR with an explicit loopback --host', files: pod(`      args = ["--host=tcp://127.0.0.1:2375"]\n${certDir('""')}`) },
  ],
  invalid: [
    {
      name: 'the docs Docker sidecar: 0.0.0.0 without TLS, no fix on a Docker network',
      files: docker('["dockerd", "-H", "tcp://0.0.0.0:2375"]'),
      findings: [
        {
          at: 'tcp://0.0.0.0:2375',
          messageId: 'dockerSidecar',
          message: /^The dind sidecar.s dockerd listens on `tcp:\/\/0\.0\.0\.0:2375` without TLS: .*root on the node.*deprecated unauthenticated TCP in 26\.0.*Either let the sidecar use TLS .*DOCKER_TLS_CERTDIR.*network_mode = "container:…"/,
          fixTitle: null,
        },
      ],
    },
    {
      name: 'Kubernetes sidecar in the workspace pod: bound to loopback',
      files: pod('      command = ["dockerd", "-H", "tcp://0.0.0.0:2375"]\n'),
      findings: [
        {
          at: 'tcp://0.0.0.0:2375',
          messageId: 'workspaceInPod',
          message: /The workspace shares the pod's network namespace with container `docker-sidecar` of `kubernetes_pod\.main`, so bind to `127\.0\.0\.1`/,
          fixTitle: 'Bind to tcp://127.0.0.1:2375',
        },
      ],
      output: pod('      command = ["dockerd", "-H", "tcp://127.0.0.1:2375"]\n'),
    },
    {
      name: 'Kubernetes sidecar with only args: the docker:dind entrypoint runs dockerd with them',
      files: pod('      args = ["--host=tcp://:2375"]\n', 'kubernetes_pod_v1'),
      findings: [{ at: 'tcp://:2375', messageId: 'workspaceInPod', fixTitle: 'Bind to tcp://127.0.0.1:2375' }],
      output: pod('      args = ["--host=tcp://127.0.0.1:2375"]\n', 'kubernetes_pod_v1'),
    },
    {
      name: 'a shell command line with --tls but no certificate, and a second listener',
      files: pod('      command = ["sh", "-c", "dockerd --tls -H=tcp://10.0.0.5:2375 -H tcp://127.0.0.1:2376 & wait"]\n'),
      findings: [{ at: 'tcp://10.0.0.5:2375', messageId: 'workspaceInPod', fixTitle: 'Bind to tcp://127.0.0.1:2375' }],
      output: pod('      command = ["sh", "-c", "dockerd --tls -H=tcp://127.0.0.1:2375 -H tcp://127.0.0.1:2376 & wait"]\n'),
    },
    {
      name: 'a startup script heredoc with --tls=false: Docker 27 refuses to start',
      files: startup('    sudo dockerd \\\n      -H unix:///var/run/docker.sock \\\n      -H tcp://0.0.0.0:2375 --tls=false &'),
      findings: [
        {
          at: 'tcp://0.0.0.0:2375',
          messageId: 'bindLoopback',
          message: /with `--tls=false` Docker 27 and later refuse to start at all\. If only this workspace uses the daemon, bind to `127\.0\.0\.1`/,
          fixTitle: null,
        },
      ],
    },
    {
      name: 'a coder_script that starts dockerd on all interfaces',
      files: `${startup('    echo ready')}
resource "coder_script" "dockerd" {
  agent_id     = coder_agent.main.id
  display_name = "Docker"
  run_on_start = true
  script       = "sudo dockerd -H tcp://0.0.0.0:2375 > /tmp/dockerd.log 2>&1 &"
}
`,
      findings: [{ at: 'tcp://0.0.0.0:2375', messageId: 'bindLoopback', message: /^dockerd listens on `tcp:\/\/0\.0\.0\.0:2375` without TLS/, fixTitle: null }],
    },
  ],
  noFix: [
    {
      name: 'case 7: an empty DOCKER_TLS_CERTDIR and no --host: the dind entrypoint listens on tcp://0.0.0.0:2375 itself',
      files: pod(certDir('""')),
      findings: [
        {
          at: '""',
          messageId: 'emptyCertDir',
          message: /^DOCKER_TLS_CERTDIR is empty, so the docker:dind image's entrypoint starts dockerd in container `docker-sidecar` of `kubernetes_pod\.main` with `--host=tcp:\/\/0\.0\.0\.0:2375` and no TLS: .*root on the node/,
        },
      ],
    },
    {
      name: 'case 7 on Docker: first argument a flag, DOCKER_TLS_CERTDIR= in the env list',
      files: docker('null').replace('  entrypoint = null\n', '  command    = ["--debug"]\n  env        = ["DOCKER_TLS_CERTDIR="]\n'),
      findings: [{ at: '"DOCKER_TLS_CERTDIR="', messageId: 'emptyCertDir', message: /`docker_container\.dind` with `--host=tcp:\/\/0\.0\.0\.0:2375`/ }],
    },
    {
      name: 'the docs Docker sidecar across a Docker network: no loopback fix can reach the workspace',
      files: docker('["dockerd", "-H", "tcp://0.0.0.0:2375"]'),
      findings: [{ at: 'tcp://0.0.0.0:2375', messageId: 'dockerSidecar', message: /Either let the sidecar use TLS/ }],
    },
  ],
});
