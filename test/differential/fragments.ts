import { chunkStarts } from '../../server/src/model/chunks';
import { METHODS } from '../../server/src/model/methodCatalog';
import { renderScaffold } from '../../server/src/scaffold/render';
import type { Rng } from '../fuzz/prng';

/**
 * The text the random sessions are made of: the top-level statements of every scaffold (real templates
 * whose statements refer to each other across files once spread over several), statements that raise
 * findings, a local module and its call, and broken statements.
 */

/** Names the fragments declare and refer to, so that renames break and mend references across files. */
export const NAMES = ['namespace', 'image', 'cpu', 'memory', 'home_size', 'region'];

const OWN: string[] = [
  'terraform {\n  required_providers {\n    coder = {\n      source = "coder/coder"\n    }\n    docker = {\n      source = "kreuzwerker/docker"\n    }\n  }\n}\n',
  'data "coder_workspace" "me" {}\n',
  'data "coder_workspace_owner" "me" {}\n',
  'resource "coder_agent" "main" {\n  os   = "linux"\n  arch = "amd64"\n}\n',
  ...NAMES.map((n) => `variable "${n}" {\n  type    = string\n  default = "${n}-default"\n}\n`),
  ...NAMES.map((n, i) => `resource "docker_volume" "v${i}" {\n  name = "home-\${var.${n}}"\n}\n`),
  'resource "docker_container" "workspace" {\n  count      = data.coder_workspace.me.start_count\n  image      = "codercom/enterprise-base:ubuntu"\n  privileged = true\n  runtime    = "sysbox-runc"\n  hostname   = data.coder_workspace.me.owner\n  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]\n  entrypoint = ["sh", "-c", coder_agent.main.init_script]\n}\n',
  'resource "docker_container" "dind" {\n  image      = "docker:dind"\n  privileged = true\n  env        = ["DOCKER_TLS_CERTDIR="]\n  command    = ["dockerd", "-H", "tcp://0.0.0.0:2375"]\n}\n',
  'resource "kubernetes_deployment" "dev" {\n  metadata {\n    name      = "dev"\n    namespace = var.namespace\n  }\n  spec {\n    template {\n      metadata {}\n      spec {\n        container {\n          name  = "dev"\n          image = "ghcr.io/coder/envbox:latest"\n        }\n      }\n    }\n  }\n}\n',
  'locals {\n  owner = data.coder_workspace.me.owner\n  home  = var.home_size\n}\n',
  'module "app" {\n  source    = "./modules/app"\n  namespace = var.namespace\n}\n',
  'output "volume" {\n  value = docker_volume.v0.name\n}\n',
  '# coder-dind-ignore-file: privileged-container\n',
];

/** Statements Terraform cannot parse. */
export const BROKEN: string[] = [
  'resource "docker_volume" "broken" {\n  name =\n}\n',
  'variable "twice" {} {} {}\n',
  'locals {\n  a = "unterminated\n}\n',
  '}\n',
  'resource "docker_volume" "open" {\n  name = "x"\n',
  'x = <<EOT\nno end marker\n',
  'variable "dup" {\n  default = 1\n  default = 2\n}\n',
];

/** Files of the local module `modules/app`, called by `module "app"` above. */
export const MODULE_FILES: string[] = [
  'variable "namespace" {\n  type = string\n}\n',
  'resource "docker_volume" "app" {\n  name = "app-${var.namespace}-${var.region}"\n}\n',
  'output "id" {\n  value = docker_volume.app.id\n}\n',
  'resource "docker_container" "app" {\n  image      = "nginx"\n  privileged = true\n}\n',
];

/** The statements of a text, each with the comments above it, as the server cuts it. */
export function statements(text: string): string[] {
  const starts = chunkStarts(text);
  return starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1] : text.length)).filter((s) => s.trim());
}

let scaffoldStatements: string[][] | undefined;

/** The statements of each scaffold's `main.tf` (rendered once). */
export function scaffolds(): string[][] {
  scaffoldStatements ??= METHODS.map((m) => {
    const main = renderScaffold({ method: m.id, parameters: {} }).files.find((f) => f.path === 'main.tf');
    if (!main) throw new Error(`scaffold ${m.id} has no main.tf`);
    return statements(main.content);
  });
  return scaffoldStatements;
}

/** A statement for an insertion: mostly whole statements, sometimes a broken one. */
export function randomStatement(rng: Rng): string {
  return rng.weighted<() => string>([
    [4, () => rng.pick(rng.pick(scaffolds()))],
    [4, () => rng.pick(OWN)],
    [1, () => rng.pick(BROKEN)],
  ])();
}
