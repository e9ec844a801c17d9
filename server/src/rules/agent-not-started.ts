import type { Rule } from './types';

export const agentNotStarted: Rule = {
  meta: {
    id: 'agent-not-started',
    defaultSeverity: 'warning',
    description: 'A `coder_agent` whose `init_script` nothing runs: no container or machine starts the agent.',
    fixable: false,
  },
  check({ module, report }) {
    const references = module.references.filter((r) => r.kind === 'resource' && r.resourceType === 'coder_agent');
    for (const agent of module.resources('coder_agent')) {
      const label = agent.block?.labelNodes[1];
      if (!label) continue;
      const uses = references.filter((r) => r.name === agent.name);
      const started = uses.some((r) => {
        // `coder_agent.x.init_script`, `coder_agent.x[0].init_script`, `coder_agent.x[*].init_script`
        const name = r.traversal.steps.slice(1).find((s) => s.name !== undefined)?.name;
        if (name === 'init_script') return true;
        // The whole agent object handed on (to a local, a module, an output): it may be started from there.
        if (r.traversal.steps.length === 1 && !/^\s*\.\s*\w/.test(r.file.text.slice(r.end, r.end + 3))) return true;
        return /^\s*(\[[^\]]*\])?\s*\.\s*init_script\b/.test(r.file.text.slice(r.end, r.end + 40));
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
        message:
          `Nothing runs \`coder_agent.${name}.init_script\`, so this agent never starts: the workspace builds, but stays "connecting" with no terminal, apps or Docker. ` +
          `Run it as the workspace container's command (e.g. \`command = ["sh", "-c", coder_agent.${name}.init_script]\`), or pass it as CODER_BOOTSTRAP_SCRIPT to an envbox container.`,
      });
    }
  },
};
