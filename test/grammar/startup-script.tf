# SYNTAX TEST "source.terraform-coder-dind" "startup_script heredoc is shell, with Terraform interpolation inside"
resource "coder_agent" "main" {
  os             = "linux"
  startup_script = <<-EOT
# <------------- - meta.embedded.block.shell.terraform
# ^^^^^^^^^^^^^^ meta.heredoc.shell.terraform entity.other.attribute-name.terraform
#                  ^^^ keyword.operator.heredoc.terraform
#                     ^^^ keyword.control.heredoc-token.terraform
    set -e
#   ^^^ meta.embedded.block.shell.terraform support.function.builtin.shell
    if [ -d "$HOME/.config" ]; then
#   ^^ meta.heredoc.shell.terraform meta.embedded.block.shell.terraform keyword.control.if.shell
#            ^ punctuation.definition.variable.shell
#             ^^^^ meta.embedded.block.shell.terraform variable.other.normal.shell - meta.interpolation.terraform
#                              ^^^^ keyword.control.then.shell
      dockerd > /tmp/dockerd.log 2>&1 &
#     ^^^^^^^ meta.embedded.block.shell.terraform entity.name.command.shell
    fi
#   ^^ keyword.control.fi.shell
    ${coder_agent.main.init_script}
#   ^^ meta.embedded.block.shell.terraform meta.interpolation.terraform punctuation.section.interpolation.begin.terraform
#     ^^^^^^^^^^^ meta.interpolation.terraform variable.other.readwrite.terraform - variable.other.normal.shell
#                ^ meta.interpolation.terraform punctuation.accessor.terraform
#                 ^^^^ meta.interpolation.terraform variable.other.member.terraform
#                      ^^^^^^^^^^^ meta.interpolation.terraform variable.other.member.terraform
#                                 ^ meta.interpolation.terraform punctuation.section.interpolation.end.terraform
    echo "user ${data.coder_workspace_owner.me.name} in $${HOME}"
#   ^^^^ support.function.builtin.shell
#        ^ string.quoted.double.shell
#              ^^ string.quoted.double.shell meta.interpolation.terraform punctuation.section.interpolation.begin.terraform
#                ^^^^ meta.interpolation.terraform variable.language.terraform
#                                                       ^ constant.character.escape.template.terraform
#                                                        ^ punctuation.definition.variable.shell - meta.interpolation.terraform
#                                                          ^^^^ variable.other.normal.shell - meta.interpolation.terraform
    # Terraform expands ${var.greeting} even in a shell comment
#   ^ comment.line.number-sign.shell punctuation.definition.comment.shell
#                       ^^ comment.line.number-sign.shell meta.interpolation.terraform punctuation.section.interpolation.begin.terraform
#                         ^^^ meta.interpolation.terraform variable.language.terraform
    %{ if var.enable_docker ~}
#   ^^ meta.directive.terraform punctuation.section.directive.begin.terraform
#      ^^ meta.directive.terraform keyword.control.directive.terraform
#                           ^ keyword.operator.template.strip.terraform
    sudo systemctl start docker
#   ^^^^ meta.embedded.block.shell.terraform entity.name.command.shell
    %{ endif ~}
#      ^^^^^ keyword.control.directive.terraform
    echo "an unclosed shell quote must not swallow the rest of the file
  EOT
# <-- - meta.embedded.block.shell.terraform
#  ^^^ meta.heredoc.shell.terraform keyword.control.heredoc-token.terraform - string.quoted.double.shell
  dir = "/home/coder"
# ^^^ entity.other.attribute-name.terraform - meta.heredoc.shell.terraform
#       ^^^^^^^^^^^ string.quoted.double.terraform - string.quoted.double.shell
}
# <- meta.block.terraform punctuation.section.block.end.terraform

resource "coder_script" "dockerd" {
  agent_id = coder_agent.main.id
  script   = <<EOF
#            ^^ keyword.operator.heredoc.terraform
#              ^^^ keyword.control.heredoc-token.terraform
#!/bin/sh
exec dockerd
# <---- meta.embedded.block.shell.terraform support.function.builtin.shell
EOF
# <--- meta.heredoc.shell.terraform keyword.control.heredoc-token.terraform
  run_on_start = true
# ^^^^^^^^^^^^ entity.other.attribute-name.terraform
#                ^^^^ constant.language.boolean.terraform
}

resource "coder_agent" "dev" {
  shutdown_script = <<-SHUTDOWN
    docker stop $(docker ps -q)
#   ^^^^^^ meta.embedded.block.shell.terraform entity.name.command.shell
  SHUTDOWN
# ^^^^^^^^ keyword.control.heredoc-token.terraform
}
