import { containerLabel, Container, TemplateFacts } from '../model/containers';
import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import { scriptOf, scriptOffsetToFile, ScriptText } from '../model/scripts';
import { attribute } from '../model/syntax';
import { addSysboxRuntime, FixBuilder } from './edits';
import type { Fix, Rule } from './types';

/** Commands that start a Docker daemon; each match is checked to sit in a command position. */
const DAEMON_STARTS: RegExp[] = [
  /(?<![\w.-])dockerd(?![\w.-])/g,
  /\bservice\s+docker\s+(?:re)?start\b/g,
  /\bsystemctl\s+(?:re)?start\s+docker(?:\.service)?(?![\w.-])/g,
  /\/etc\/init\.d\/docker\s+(?:re)?start\b/g,
];

/** Commands that only mention dockerd (look for it, stop it, print it) rather than start it. */
const MENTIONS = /^(?:sudo\s+(?:-\S+\s+)*)?(?:pgrep|pidof|pkill|killall|kill|which|type|command\s+-v|grep|echo|printf|test|\[)(?=\s|$)/;

interface DaemonStart {
  file: TfFile;
  start: number;
  end: number;
  text: string;
  /** Where the script comes from, for the message. */
  origin: string;
}

/** The first command of a script that starts a Docker daemon, with its file offsets. */
export function findDaemonStart(script: ScriptText): { start: number; end: number; text: string } | undefined {
  let best: { at: number; length: number; text: string } | undefined;
  for (const pattern of DAEMON_STARTS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(script.text); m; m = pattern.exec(script.text)) {
      if (best && m.index >= best.at) break;
      const lineStart = script.text.lastIndexOf('\n', m.index - 1) + 1;
      const line = script.text.slice(lineStart, m.index);
      if (/(^|\s)#/.test(line)) continue; // a shell comment
      const command = line.split(/&&|\|\||[;&|(!]|\b(?:then|do|else|elif|if|while|until)\b/).pop()?.trim() ?? '';
      if (MENTIONS.test(command)) continue;
      best = { at: m.index, length: m[0].length, text: m[0] };
      break;
    }
  }
  if (!best) return undefined;
  const start = scriptOffsetToFile(script, best.at);
  const end = scriptOffsetToFile(script, best.at + best.length - 1) + 1;
  return { start, end, text: best.text };
}

/** Scripts that run in a container: its own command, entrypoint and args, then its agent's scripts. */
function daemonStartIn(module: TemplateModule, facts: TemplateFacts, c: Container): DaemonStart | undefined {
  for (const { attribute: a, script } of c.scripts) {
    const found = findDaemonStart(script);
    if (found) return { file: c.file, ...found, origin: `its \`${a.name}\`` };
  }
  const agent = facts.agents.find((x) => x.name === c.agentName);
  if (!agent) return undefined;
  if (agent.startupScript) {
    const found = findDaemonStart(agent.startupScript);
    if (found) return { file: agent.declaration.file, ...found, origin: `the \`startup_script\` of \`coder_agent.${agent.name}\`` };
  }
  // `coder_script` resources attached to the agent run in the same container.
  for (const script of module.resources('coder_script')) {
    const agentId = attribute(script.block, 'agent_id')?.value;
    if (!agentId || !new RegExp(`\\bcoder_agent\\.${agent.name}\\.id\\b`).test(agentId.text)) continue;
    const body = attribute(script.block, 'script')?.value;
    if (!body) continue;
    const found = findDaemonStart(scriptOf(body));
    if (found) return { file: script.file, ...found, origin: `\`${script.name}\`, which runs on \`coder_agent.${agent.name}\`` };
  }
  return undefined;
}

export const dockerDaemonUnsupported: Rule = {
  meta: {
    id: 'docker-daemon-unsupported',
    defaultSeverity: 'error',
    description: 'A workspace container starts a Docker daemon but is neither privileged, nor under Sysbox, nor an envbox container.',
    fixable: true,
  },
  check({ module, facts, report }) {
    const seen = new Set<string>();
    for (const c of facts.workspaceContainers) {
      if (c.sysbox || c.privileged || c.isEnvbox) continue;
      const found = daemonStartIn(module, facts, c);
      if (!found) continue;
      const key = `${found.file.path}:${found.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        file: found.file,
        range: found.file.rangeOfOffsets(found.start, found.end),
        message:
          `dockerd cannot start in ${containerLabel(c)}: it is neither privileged nor running under Sysbox. ` +
          `\`${found.text}\` (in ${found.origin}) needs to mount filesystems, create cgroups and set up networking, which an ordinary container forbids, ` +
          'so the daemon exits and every `docker` command in the workspace fails with "Cannot connect to the Docker daemon". ' +
          'Run the workspace under the Sysbox runtime, which allows Docker inside without giving the container host privileges.',
        fix: sysboxFix(c),
      });
    }
  },
};

function sysboxFix(c: Container): Fix | undefined {
  if (c.platform === 'kubernetes' && !c.podSpec) return undefined;
  const title = c.platform === 'docker' ? 'Run the container under Sysbox (`runtime = "sysbox-runc"`)' : 'Run the pod under Sysbox (`runtime_class_name = "sysbox-runc"`)';
  return addSysboxRuntime(new FixBuilder(title), c).build();
}
