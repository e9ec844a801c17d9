# SYNTAX TEST "source.terraform-coder-dind" "heredocs inside command = [...] lists are shell; other list items stay HCL"
resource "docker_container" "workspace" {
  image   = "codercom/enterprise-base:ubuntu"
  runtime = "sysbox-runc"
  command = ["sh", "-c", <<EOF
# ^^^^^^^ meta.command-list.terraform entity.other.attribute-name.terraform
#           ^ meta.command-list.terraform punctuation.section.brackets.begin.terraform
#            ^^^^ meta.command-list.terraform string.quoted.double.terraform - meta.embedded.block.shell.terraform
#                ^ punctuation.separator.terraform
#                        ^^ meta.command-list.terraform meta.heredoc.shell.terraform keyword.operator.heredoc.terraform
#                          ^^^ keyword.control.heredoc-token.terraform
sudo dockerd &
# <---- meta.command-list.terraform meta.embedded.block.shell.terraform entity.name.command.shell
${replace(coder_agent.main.init_script, "/localhost|127\\.0\\.0\\.1/", "host.docker.internal")}
# <-- meta.embedded.block.shell.terraform meta.interpolation.terraform punctuation.section.interpolation.begin.terraform
# ^^^^^^^ meta.interpolation.terraform entity.name.function.terraform
#         ^^^^^^^^^^^ meta.interpolation.terraform variable.other.readwrite.terraform
#                          ^^^^^^^^^^^ meta.interpolation.terraform variable.other.member.terraform
#                                                                      ^^^^^^^^^^^^^^^^^^^^^^ meta.interpolation.terraform string.quoted.double.terraform
EOF
# <--- meta.heredoc.shell.terraform keyword.control.heredoc-token.terraform
  ]
# ^ meta.command-list.terraform punctuation.section.brackets.end.terraform
  env = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
# ^^^ entity.other.attribute-name.terraform - meta.command-list.terraform
}

resource "kubernetes_pod" "main" {
  spec {
    container {
      name    = "dev"
      command = [
#     ^^^^^^^ meta.command-list.terraform entity.other.attribute-name.terraform
        "sh",
#       ^^^^ meta.command-list.terraform string.quoted.double.terraform
        "-c",
        <<-EOT
#       ^^^ meta.command-list.terraform meta.heredoc.shell.terraform keyword.operator.heredoc.terraform
#          ^^^ keyword.control.heredoc-token.terraform
          until docker info >/dev/null 2>&1; do sleep 1; done
#         ^^^^^ meta.embedded.block.shell.terraform keyword.control.shell
#               ^^^^^^ meta.embedded.block.shell.terraform entity.name.command.shell
#                                               ^^^^^ entity.name.command.shell
#                                                        ^^^^ keyword.control.shell
          export PATH="$HOME/.local/bin:$PATH"
#         ^^^^^^ meta.embedded.block.shell.terraform storage.modifier.export.shell
#                       ^^^^ variable.other.normal.shell - meta.interpolation.terraform
        EOT
#       ^^^ keyword.control.heredoc-token.terraform - meta.embedded.block.shell.terraform
      ]
      image = "ghcr.io/coder/envbox:latest"
#     ^^^^^ entity.other.attribute-name.terraform - meta.command-list.terraform
    }
  }
}
