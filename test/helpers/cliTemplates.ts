/**
 * A Coder template whose Docker container runs the workspace without `count = …start_count`: a
 * workspace-start-count warning with a preferred fix. `extra` adds lines inside the container block.
 */
export function dockerWorkspace(name = 'w', extra = ''): string {
  return `resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "${name}" {
  name    = "${name}"
  image   = "codercom/enterprise-base:ubuntu"
  command = ["sh", "-c", coder_agent.main.init_script]
  env     = ["CODER_AGENT_TOKEN=\${coder_agent.main.token}"]
${extra}}
`;
}
