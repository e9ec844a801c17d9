import { containerLabel, Container, TemplateFacts } from '../model/containers';
import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import { findDaemonStart } from '../model/facts/daemon';
import { scriptOf } from '../model/scripts';
import { attribute } from '../model/syntax';
import { FixBuilder } from './edits';
import { addSysbox } from './fixes/sysbox';
import { defineRule, Fix, MessageData } from './types';

/** The two sentences around where the daemon is started; each message id says where that is. */
const CANNOT_START = 'dockerd cannot start in {{container}}: it is neither privileged nor running under Sysbox. `{{command}}` (in';
const CONSEQUENCE =
  ') needs to mount filesystems, create cgroups and set up networking, which an ordinary container forbids, ' +
  'so the daemon exits and every `docker` command in the workspace fails with "Cannot connect to the Docker daemon". ' +
  'Run the workspace under the Sysbox runtime, which allows Docker inside without giving the container host privileges.';

const MESSAGES = {
  inContainer: `${CANNOT_START} its \`{{attribute}}\`${CONSEQUENCE}`,
  inStartupScript: `${CANNOT_START} the \`startup_script\` of \`coder_agent.{{agent}}\`${CONSEQUENCE}`,
  inCoderScript: `${CANNOT_START} \`{{script}}\`, which runs on \`coder_agent.{{agent}}\`${CONSEQUENCE}`,
};
type MessageId = keyof typeof MESSAGES;

interface DaemonStart {
  file: TfFile;
  start: number;
  end: number;
  text: string;
  /** Where the script comes from, for the message. */
  origin: { messageId: MessageId; data: MessageData };
}

/** Scripts that run in a container: its own command, entrypoint and args, then its agent's scripts. */
function daemonStartIn(module: TemplateModule, facts: TemplateFacts, c: Container): DaemonStart | undefined {
  for (const { attribute: a, script } of c.scripts) {
    const found = findDaemonStart(script);
    if (found) return { file: c.file, ...found, origin: { messageId: 'inContainer', data: { attribute: a.name } } };
  }
  const agent = facts.agents.find((x) => x.name === c.agentName);
  if (!agent) return undefined;
  if (agent.startupScript) {
    const found = findDaemonStart(agent.startupScript);
    if (found) return { file: agent.declaration.file, ...found, origin: { messageId: 'inStartupScript', data: { agent: agent.name } } };
  }
  // `coder_script` resources attached to the agent run in the same container.
  for (const script of module.resources('coder_script')) {
    const agentId = attribute(script.block, 'agent_id')?.value;
    if (!agentId || !new RegExp(`\\bcoder_agent\\.${agent.name}\\.id\\b`).test(agentId.text)) continue;
    const body = attribute(script.block, 'script')?.value;
    if (!body) continue;
    const found = findDaemonStart(scriptOf(body));
    if (found) return { file: script.file, ...found, origin: { messageId: 'inCoderScript', data: { script: script.name, agent: agent.name } } };
  }
  return undefined;
}

export const dockerDaemonUnsupported = defineRule({
  meta: {
    id: 'docker-daemon-unsupported',
    defaultSeverity: 'error',
    description: 'A workspace container starts a Docker daemon but is neither privileged, nor under Sysbox, nor an envbox container.',
    fixable: true,
    messages: MESSAGES,
    tags: ['sysbox', 'docker', 'kubernetes'],
  },
  check({ module, facts, report }) {
    const seen = new Set<string>();
    for (const c of facts.workspaceContainers) {
      // Only a container known to be neither privileged nor under Sysbox: `privileged = var.x` may be true.
      if (c.sysbox !== false || c.privileged !== false || c.isEnvbox) continue;
      const found = daemonStartIn(module, facts, c);
      if (!found) continue;
      const key = `${found.file.path}:${found.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        file: found.file,
        range: found.file.rangeOfOffsets(found.start, found.end),
        messageId: found.origin.messageId,
        data: { container: containerLabel(c), command: found.text, ...found.origin.data },
        fix: sysboxFix(module, c),
      });
    }
  },
});

function sysboxFix(module: TemplateModule, c: Container): Fix | undefined {
  const title = c.platform === 'docker' ? 'Run the container under Sysbox (`runtime = "sysbox-runc"`)' : 'Run the pod under Sysbox (`runtime_class_name = "sysbox-runc"`)';
  const builder = new FixBuilder(title);
  return addSysbox(builder, module, c) ? builder.build() : undefined;
}
