import type { Container } from '../model/containers';
import type { CommandMatch } from '../model/facts/commands';
import { ValueReader, valuesOf } from '../model/facts/reader';
import { systemdInit } from '../model/facts/systemd';
import { isLiteral } from '../model/facts/values';
import { dockerUserIsRoot, imageRunsAsRoot, Root, runAsUserIsRoot } from '../model/facts/users';
import type { SyntaxNode } from '../model/parser';
import { attribute, childBlock, HclAttribute, HclBlock, staticValue, unwrap } from '../model/syntax';
import type { Range } from '../model/text';
import { FixBuilder } from './edits';
import { defineRule, Fix, MessageData, RuleContext } from './types';

/** `0` written as the attribute was written: `run_as_user` is a string in the provider, so `"0"` is valid too. */
function zeroLike(value: SyntaxNode | undefined): string {
  const n = unwrap(value);
  return n && (n.type === 'string_lit' || n.type === 'template_expr') ? '"0"' : '0';
}

const WHY =
  'The "Systemd in Docker" method runs it as root (`run_as_user = 0` in the pod\'s `security_context`, `user = "0:0"` on a docker_container); ' +
  'under Sysbox, root in the container is still an unprivileged user on the host.';

/** The sentence every finding is; each message id fills in why the container is not root. */
function because(problem: string): string {
  return `This container boots systemd (\`{{command}}\`), which must run as root, but ${problem}: init cannot start, the container exits, and the agent never connects. ${WHY}`;
}

const MESSAGES = {
  dockerUser: because('the container runs as `{{user}}` (its `user`)'),
  dockerImageUser: because("no `user` is set, so it runs as the image's user (`{{image}}` is not known to start as root; the codercom images start as uid 1000)"),
  containerRunAsUser: because("the container runs as user {{user}} (`run_as_user` in the container's `security_context`)"),
  podRunAsUser: because("the container runs as user {{user}} (`run_as_user` in the pod's `security_context`)"),
  runAsNonRoot: because('`run_as_non_root = true` makes the kubelet refuse to start it as root'),
  kubernetesImageUser: because("no `run_as_user` is set, so it runs as the image's user (uid 1000 in the codercom images)"),
};
type Context = RuleContext<keyof typeof MESSAGES>;

export const systemdRequiresRoot = defineRule({
  meta: {
    id: 'systemd-requires-root',
    defaultSeverity: 'error',
    description: 'A container that boots systemd must run as root (`run_as_user = 0` in Kubernetes, `user = "0:0"` on Docker).',
    fixable: true,
    messages: MESSAGES,
    tags: ['systemd', 'docker', 'kubernetes'],
  },
  check(context) {
    const reader = valuesOf(context.module);
    for (const c of context.facts.containers) {
      if (c.isEnvbox) continue;
      const init = systemdInit(c);
      if (!init) continue;
      if (c.platform === 'docker') checkDocker(context, reader, c, init);
      else if (c.podSpec) checkKubernetes(context, reader, c, init);
    }
  },
});

/** With no user set, the image's own user: root only for images known to start as root. */
function imageUser(c: Container): Root {
  return imageRunsAsRoot(c.image) ? 'root' : c.image === undefined || c.image.includes('${') ? 'unknown' : 'not-root';
}

function checkDocker({ report }: Context, reader: ValueReader, c: Container, init: CommandMatch): void {
  const user = attribute(c.block, 'user');
  const root = user ? dockerUserIsRoot(reader.read(user.value, c.file)) : imageUser(c);
  if (root !== 'not-root') return;
  const fix = new FixBuilder('Run the container as root (`user = "0:0"`)');
  if (!user) fix.insertAttribute(c.file, c.block, 'user', '"0:0"');
  else if (user.value && isLiteral(user.value)) fix.replaceNode(c.file, user.value, '"0:0"');
  report({
    file: c.file,
    range: user ? c.file.rangeOf(user.node) : c.file.rangeOfOffsets(init.start, init.end),
    ...(user
      ? { messageId: 'dockerUser' as const, data: { command: init.text, user: user.value?.text ?? '?' } }
      : { messageId: 'dockerImageUser' as const, data: { command: init.text, image: String(c.image) } }),
    fix: !user || isLiteral(user.value) ? fix.build() : undefined,
  });
}

function checkKubernetes({ report }: Context, reader: ValueReader, c: Container, init: CommandMatch): void {
  const podContext = childBlock(c.podSpec, 'security_context');
  const containerUser = attribute(c.securityContext, 'run_as_user');
  const podUser = attribute(podContext, 'run_as_user');
  const deciding = containerUser ?? podUser;
  const user = deciding ? runAsUserIsRoot(reader.read(deciding.value, c.file)) : imageUser(c);
  const nonRoot = [attribute(c.securityContext, 'run_as_non_root'), attribute(podContext, 'run_as_non_root')].find((a) => a && reader.bool(a.value, c.file) === true);
  if (user === 'unknown' || (user === 'root' && !nonRoot)) return;
  let range: Range;
  let messageId: keyof typeof MESSAGES;
  const data: MessageData = { command: init.text };
  if (deciding && user === 'not-root') {
    range = c.file.rangeOf(deciding.node);
    messageId = deciding === containerUser ? 'containerRunAsUser' : 'podRunAsUser';
    data.user = deciding.value?.text ?? '?';
  } else if (user === 'root' && nonRoot) {
    range = c.file.rangeOf(nonRoot.node);
    messageId = 'runAsNonRoot';
  } else {
    range = c.file.rangeOfOffsets(init.start, init.end);
    messageId = 'kubernetesImageUser';
  }
  report({ file: c.file, range, messageId, data, fix: rootFix(c, podContext) });
}

/** Sets the pod (and the container, whose settings override the pod's) to root; only literals are replaced. */
function rootFix(c: Container, podContext: HclBlock | undefined): Fix | undefined {
  if (!c.podSpec) return undefined;
  const builder = new FixBuilder('Run the pod as root (`run_as_user = 0`, `fs_group = 0`)');
  const settings = [attribute(podContext, 'run_as_user'), attribute(podContext, 'fs_group'), attribute(podContext, 'run_as_non_root'), attribute(c.securityContext, 'run_as_user'), attribute(c.securityContext, 'run_as_non_root')];
  // A value given by an expression is the user's to change: no fix rather than a guess.
  if (settings.some((a) => a && !isLiteral(a.value))) return undefined;
  if (!podContext) {
    builder.insertBlock(c.file, c.podSpec, ['security_context {', '  run_as_user = 0', '  fs_group    = 0', '}']);
  } else {
    const missing: Array<[string, string]> = [];
    for (const name of ['run_as_user', 'fs_group']) {
      const a = attribute(podContext, name);
      if (!a) missing.push([name, '0']);
      else setZero(builder, c, a);
    }
    setFalse(builder, c, attribute(podContext, 'run_as_non_root'));
    builder.insertAttributes(c.file, podContext, missing);
  }
  const containerUser = attribute(c.securityContext, 'run_as_user');
  if (containerUser) setZero(builder, c, containerUser);
  setFalse(builder, c, attribute(c.securityContext, 'run_as_non_root'));
  return builder.build();
}

function setZero(builder: FixBuilder, c: Container, a: HclAttribute): void {
  const v = staticValue(a.value);
  if (a.value && v !== 0 && v !== '0') builder.replaceNode(c.file, a.value, zeroLike(a.value));
}

function setFalse(builder: FixBuilder, c: Container, a: HclAttribute | undefined): void {
  const v = a?.value ? staticValue(a.value) : undefined;
  if (a?.value && (v === true || v === 'true')) builder.replaceNode(c.file, a.value, 'false');
}
