import { invalidValue } from '../../server/src/rules/invalid-value';
import { ruleTable } from '../helpers/ruleTester';

const header = `data "coder_workspace" "me" {}
`;

ruleTable(invalidValue, {
  valid: [
    {
      name: 'values Terraform converts: "true" to bool, 1000 to string, "2" to number',
      files: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {
    security_context {
      run_as_user = 1000
      fs_group    = "1000"
    }
    container {
      name = "c"
      security_context {
        privileged = "true"
      }
      resources {
        limits = {
          cpu    = 2
          memory = "2Gi"
        }
      }
      port {
        container_port = "8080"
        protocol       = "UDP"
      }
    }
  }
}
`,
    },
    {
      name: 'unknown values never fire: references, functions, conditionals, interpolations',
      files: `${header}
variable "os" {
  type = string
}

resource "coder_agent" "main" {
  os   = var.os
  arch = lower("AMD64")
  startup_script_behavior = var.os == "linux" ? "blocking" : "nope"
  auth = "\${var.os}-identity"
}
`,
    },
    {
      name: 'the provider\'s own default and an empty string are left alone',
      files: `${header}
data "coder_parameter" "p" {
  name      = "p"
  form_type = ""
}

resource "coder_script" "s" {
  agent_id     = "x"
  display_name = "s"
  script       = "true"
  timeout      = 0
}
`,
    },
    {
      name: 'a provider constraint no bundled release meets',
      files: `terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "~> 1.0"
    }
  }
}

resource "coder_agent" "main" {
  os   = "plan9"
  arch = "amd64"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a value outside the allowed list: the one clearly meant is the fix',
      files: `${header}
resource "coder_agent" "main" {
  os   = "Linux"
  arch = "amd64"
}
`,
      findings: [{ at: '"Linux"', messageId: 'invalidValue', message: /Invalid value for `os`: "Linux" is not one of the values the provider accepts: "linux", "darwin", "windows"/, fixTitle: 'Change to "linux"' }],
      output: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`,
    },
    {
      name: 'a bool in the wrong case, a range, a pattern and a port',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode = "True"
  }
  resources_monitoring {
    memory {
      enabled   = true
      threshold = 150
    }
  }
}

# A coder_app slug has a rule of its own (app-slug-invalid), with Coder's words and a fix.
resource "coder_app" "code" {
  agent_id = coder_agent.main.id
  slug     = "Code_Server"
}

resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {
    container {
      name = "c"
      port {
        container_port = 70000
        protocol       = "SCTP"
      }
    }
  }
}
`,
      findings: [
        { at: '"True"', messageId: 'invalidValue', message: /"True" is not a bool/, fixTitle: 'Change to "true"' },
        { at: '150', messageId: 'invalidValue', message: /150 is above the maximum of 100/ },
        { at: '70000', messageId: 'invalidValue', message: /70000 is not a port number/ },
        { at: '"SCTP"', messageId: 'invalidValue', message: /"SCTP" is not one of the values the provider accepts: "TCP", "UDP"/, fixTitle: null },
      ],
    },
    {
      name: 'types Terraform cannot convert, and formats the provider checks',
      files: `${header}
resource "kubernetes_pod_v1" "p" {
  metadata {}
  spec {
    security_context {
      run_as_user = "root"
    }
    container {
      name    = "c"
      command = "sleep infinity"
    }
    volume {
      name = "v"
      config_map {
        default_mode = "644"
      }
    }
  }
}

resource "kubernetes_resource_quota_v1" "q" {
  metadata {}
  spec {
    hard = {
      pods   = 10
      memory = "2 gigabytes"
    }
  }
}
`,
      findings: [
        { at: '"root"', messageId: 'invalidValue', message: /"root" is not a whole number/ },
        { at: '"sleep infinity"', messageId: 'invalidValue', message: /a list is required/ },
        { at: '"644"', messageId: 'invalidValue', message: /"644" is not an octal file mode starting with 0/ },
        { at: '{\n      pods   = 10\n      memory = "2 gigabytes"\n    }', messageId: 'invalidValue', message: /"memory" = "2 gigabytes" is not a Kubernetes quantity/ },
      ],
    },
  ],
  noFix: [
    {
      name: 'no fix when no allowed value is clearly meant',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "x86_64"
}
`,
      findings: [{ at: '"x86_64"', messageId: 'invalidValue', message: /Invalid value for `arch`/ }],
    },
    {
      name: 'a value Terraform\'s own lifecycle block cannot convert: no provider release to name',
      files: `${header}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  lifecycle {
    prevent_destroy = "maybe"
  }
}
`,
      findings: [{ at: '"maybe"', messageId: 'invalidTerraformValue', message: /^Invalid value for `prevent_destroy`: "maybe" is not a bool \(Terraform takes .*\)\. `terraform plan` rejects it\.$/ }],
    },
  ],
});
