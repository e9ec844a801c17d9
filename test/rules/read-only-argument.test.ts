import { readOnlyArgument } from '../../server/src/rules/read-only-argument';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

ruleTable(readOnlyArgument, {
  valid: [
    {
      name: 'read-only attributes read as references; optional computed ones and the SDK\'s id may be set',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "w" {
  id    = "set-by-hand"
  name  = "w"
  image = "x"
  env   = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
  command = ["sh", "-c", coder_agent.main.init_script]
}

resource "kubernetes_pod_v1" "p" {
  metadata {
    name = "p"
  }
  spec {
    container {
      name              = "c"
      image_pull_policy = "Always"
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'assigning the agent\'s token and init_script',
      files: `${header}
resource "coder_agent" "main" {
  os          = "linux"
  arch        = "amd64"
  token       = "secret"
  init_script = "echo"
}
`,
      findings: [
        { at: 'token', messageId: 'readOnly', message: /`token` is read-only in `coder\/coder 2\.17\.0`/, fixTitle: 'Remove `token`' },
        { at: 'init_script', messageId: 'readOnly', message: /`init_script` is read-only/, fixTitle: 'Remove `init_script`' },
      ],
      output: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`,
    },
    {
      name: 'in a nested block: a pod\'s metadata uid',
      files: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {
    name = "p"
    uid  = "x"
  }
  spec {}
}
`,
      findings: [{ at: 'uid', messageId: 'readOnly', message: /`uid` is read-only/ }],
      output: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {
    name = "p"
  }
  spec {}
}
`,
    },
  ],
  noFix: [
    {
      name: 'a read-only attribute given an expression: the author meant that value for something, so removal is only suggested',
      files: `${header}
variable "token" {
  type    = string
  default = ""
}

resource "coder_agent" "main" {
  os    = "linux"
  arch  = "amd64"
  token = var.token
}
`,
      findings: [{ range: [10, 2, 10, 7], messageId: 'readOnly', suggestions: ['Remove `token`'] }],
      suggestionOutput: `${header}
variable "token" {
  type    = string
  default = ""
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`,
    },
  ],
});
