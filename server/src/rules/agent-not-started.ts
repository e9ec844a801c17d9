import type { Container } from '../model/containers';
import type { Reference } from '../model/fileIndex';
import { asBlock } from '../model/syntax';
import { defineRule } from './types';

/** `coder agent` run as a command: what an image's entrypoint or a provisioner script does with the token. */
const RUNS_AGENT = /\bcoder\s+agent\b/;

export const agentNotStarted = defineRule({
  meta: {
    id: 'agent-not-started',
    defaultSeverity: 'warning',
    description: 'A `coder_agent` whose `init_script` nothing runs: no container or machine starts the agent.',
    fixable: false,
    messages: {
      notStarted:
        'Nothing runs `coder_agent.{{name}}.init_script`, so this agent never starts: the workspace builds, but stays "connecting" with no terminal, apps or Docker. ' +
        'Run it as the workspace container\'s command (e.g. `command = ["sh", "-c", coder_agent.{{name}}.init_script]`), or pass it as CODER_BOOTSTRAP_SCRIPT to an envbox container.',
    },
    tags: ['agent'],
  },
  check({ module, facts, report }) {
    const references = module.references.filter((r) => r.kind === 'resource' && r.resourceType === 'coder_agent');
    for (const agent of module.resources('coder_agent')) {
      const label = agent.block?.labelNodes[1];
      if (!label) continue;
      const uses = references.filter((r) => r.name === agent.name);
      const started = uses.some((r) => {
        // `coder_agent.x.init_script`, `coder_agent.x[0].init_script`, `coder_agent.x[*].init_script`
        const name = attributeName(r);
        if (name === 'init_script') return true;
        // The whole agent object handed on (to a local, a module, an output): it may be started from there.
        if (r.traversal.steps.length === 1 && !/^\s*\.\s*\w/.test(r.file.text.slice(r.end, r.end + 3))) return true;
        if (/^\s*(\[[^\]]*\])?\s*\.\s*init_script\b/.test(r.file.text.slice(r.end, r.end + 40))) return true;
        // The token handed to something that is not a container the rules can read: a provisioner, a VM's
        // user data or metadata, a PaaS app's config vars. Whatever runs there may start the agent
        // (`coder agent`), and that cannot be seen here.
        return name === 'token' && !readableContainerHolds(facts.containers, r);
      });
      // An external agent is started by hand, outside Terraform.
      const external = module
        .resources('coder_external_agent')
        .some((x) => uses.some((r) => r.file === x.file && r.start >= x.node.startIndex && r.end <= x.node.endIndex));
      if (started || external) continue;
      const name = agent.name.slice('coder_agent.'.length);
      report({
        file: agent.file,
        // Inside the quotes of a quoted label; a bare (or half-typed) label as it is.
        range: label.type === 'string_lit' && label.endIndex - label.startIndex >= 2 ? agent.file.rangeOfOffsets(label.startIndex + 1, label.endIndex - 1) : agent.file.rangeOf(label),
        messageId: 'notStarted',
        data: { name },
      });
    }
  },
});

/** The attribute a reference reads from the agent (`coder_agent.x.token`, `coder_agent.x[0].token`). */
function attributeName(r: Reference): string | undefined {
  return r.traversal.steps.slice(1).find((s) => s.name !== undefined)?.name;
}

/**
 * Whether the reference sits in a container the rules read whole (a docker_container or a Kubernetes
 * container block, outside any provisioner), whose command does not run `coder agent` itself.
 */
function readableContainerHolds(containers: Container[], r: Reference): boolean {
  const c = containers.find((x) => x.file === r.file && r.start >= x.block.node.startIndex && r.end <= x.block.node.endIndex);
  if (!c) return false;
  for (let n = r.traversal.node.parent; n && n.id !== c.block.node.id; n = n.parent) {
    if (asBlock(n)?.type === 'provisioner') return false;
  }
  return !c.scripts.some((s) => RUNS_AGENT.test(s.script.text));
}
