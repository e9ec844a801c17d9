import type { Container } from '../model/containers';
import { runsSystemd } from '../model/method';
import type { SyntaxNode } from '../model/parser';
import { attribute, childBlock, HclAttribute, HclBlock, staticValue, unwrap } from '../model/syntax';
import { FixBuilder } from './edits';
import type { Fix, Rule } from './types';
import { systemdInitIn } from './systemd-requires-sysbox';

type Root = 'root' | 'not-root' | 'unknown';

function userOf(a: HclAttribute | undefined): Root {
  if (!a?.value) return 'unknown';
  const v = staticValue(a.value);
  if (v === 0 || v === '0') return 'root';
  return typeof v === 'number' || typeof v === 'string' ? 'not-root' : 'unknown';
}

/** `0` written as the attribute was written: `run_as_user` is a string in the provider, so `"0"` is valid too. */
function zeroLike(value: SyntaxNode | undefined): string {
  const n = unwrap(value);
  return n && (n.type === 'string_lit' || n.type === 'template_expr') ? '"0"' : '0';
}

export const systemdRequiresRoot: Rule = {
  meta: {
    id: 'systemd-requires-root',
    defaultSeverity: 'error',
    description: 'A Kubernetes container that boots systemd must run as root (`run_as_user = 0`).',
    fixable: true,
  },
  check({ facts, report }) {
    for (const c of facts.containers) {
      if (c.platform !== 'kubernetes' || !c.podSpec || c.isEnvbox || !runsSystemd(c)) continue;
      const podContext = childBlock(c.podSpec, 'security_context');
      const containerUser = attribute(c.securityContext, 'run_as_user');
      const podUser = attribute(podContext, 'run_as_user');
      const deciding = containerUser ?? podUser;
      const user = deciding ? userOf(deciding) : 'not-root';
      const nonRoot = [attribute(c.securityContext, 'run_as_non_root'), attribute(podContext, 'run_as_non_root')].find((a) => a && staticValue(a.value) === true);
      if (user === 'unknown' || (user === 'root' && !nonRoot)) continue;
      const init = systemdInitIn(c);
      let range;
      let problem: string;
      if (deciding && user === 'not-root') {
        range = c.file.rangeOf(deciding.node);
        problem = `the container runs as user ${deciding.value?.text ?? '?'} (\`run_as_user\` in the ${deciding === containerUser ? 'container' : 'pod'}'s \`security_context\`)`;
      } else if (user === 'root' && nonRoot) {
        range = c.file.rangeOf(nonRoot.node);
        problem = '`run_as_non_root = true` makes the kubelet refuse to start it as root';
      } else if (init) {
        range = c.file.rangeOfOffsets(init.start, init.end);
        problem = 'no `run_as_user` is set, so it runs as the image\'s user (uid 1000 in the codercom images)';
      } else {
        continue;
      }
      report({
        file: c.file,
        range,
        message:
          `This container boots systemd (\`${init?.text ?? '/sbin/init'}\`), which must run as root, but ${problem}: init cannot start, the container exits, and the agent never connects. ` +
          'The "Systemd in Docker" method sets the pod\'s `security_context { run_as_user = 0, fs_group = 0 }`; under Sysbox, root in the container is still an unprivileged user on the host.',
        fix: rootFix(c, podContext),
      });
    }
  },
};

function rootFix(c: Container, podContext: HclBlock | undefined): Fix | undefined {
  if (!c.podSpec) return undefined;
  const builder = new FixBuilder('Run the pod as root (`run_as_user = 0`, `fs_group = 0`)');
  if (!podContext) {
    builder.insertBlock(c.file, c.podSpec, ['security_context {', '  run_as_user = 0', '  fs_group    = 0', '}']);
  } else {
    const missing: Array<[string, string]> = [];
    for (const name of ['run_as_user', 'fs_group']) {
      const a = attribute(podContext, name);
      if (!a) missing.push([name, '0']);
      else if (a.value && userOf(a) !== 'root') builder.replaceNode(c.file, a.value, zeroLike(a.value));
    }
    const podNonRoot = attribute(podContext, 'run_as_non_root');
    if (podNonRoot?.value && staticValue(podNonRoot.value) === true) builder.replaceNode(c.file, podNonRoot.value, 'false');
    builder.insertAttributes(c.file, podContext, missing);
  }
  // A container's own settings override the pod's.
  const containerUser = attribute(c.securityContext, 'run_as_user');
  if (containerUser?.value && userOf(containerUser) !== 'root') builder.replaceNode(c.file, containerUser.value, zeroLike(containerUser.value));
  const containerNonRoot = attribute(c.securityContext, 'run_as_non_root');
  if (containerNonRoot?.value && staticValue(containerNonRoot.value) === true) builder.replaceNode(c.file, containerNonRoot.value, 'false');
  return builder.build();
}
