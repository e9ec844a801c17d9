import type { PreviewAgent, PreviewCompute, PreviewLocation, PreviewModule, WorkspacePreview } from '../../shared/src/preview';
import { badge, h, icon, isTrue, knownText, revealing, valueNode } from './dom';

type Reveal = (location: PreviewLocation) => void;

/** The workspace page: each agent with its apps and metadata, then what runs it and the modules. */
export function renderWorkspace(preview: WorkspacePreview, reveal: Reveal): HTMLElement {
  const out = h('div', { class: 'workspace' });
  if (preview.agents.length === 0) out.append(h('p', { class: 'muted' }, 'No coder_agent: the workspace has nothing to connect to.'));
  out.append(...preview.agents.map((a) => agentCard(a, reveal)));
  out.append(h('h2', {}, 'Compute'));
  if (preview.compute.length === 0) out.append(h('p', { class: 'muted' }, 'No container, pod or workload found.'));
  out.append(...preview.compute.map((c) => computeCard(c, reveal)));
  if (preview.modules.length) out.append(h('h2', {}, 'Modules'), modulesTable(preview.modules, reveal));
  return out;
}

function agentCard(agent: PreviewAgent, reveal: Reveal): HTMLElement {
  const platform = h('span', { class: 'muted' }, valueNode(agent.os, '?'), ' / ', valueNode(agent.arch, '?'));
  const card = h('section', { class: 'card agent', 'data-agent': agent.name }, revealing(h('div', { class: 'card-title' }, h('span', { class: 'label' }, agent.name), platform), agent.location, reveal));
  const apps = h('div', { class: 'apps' });
  for (const app of agent.apps) {
    const name = knownText(app.displayName) ?? knownText(app.slug) ?? app.address;
    const button = h('button', { class: 'app', type: 'button', 'data-app': app.address }, icon(app.icon, name), h('span', { class: 'app-name' }, name));
    if (isTrue(app.external)) button.append(h('span', { class: 'muted' }, ' ↗'));
    if (app.kind === 'module') button.title = `From ${app.address}`;
    apps.append(revealing(button, app.location, reveal));
  }
  if (agent.apps.length === 0) apps.append(h('span', { class: 'muted' }, 'No apps besides the built-in terminal and SSH.'));
  card.append(apps);
  if (agent.scripts.length) {
    const list = h('ul', { class: 'scripts' });
    for (const s of agent.scripts) {
      const text = `${knownText(s.displayName) ?? s.kind}${s.runOn.length ? ` (on ${s.runOn.join(', ')})` : ''}`;
      list.append(revealing(h('li', {}, text), s.location, reveal));
    }
    card.append(h('h3', {}, 'Scripts'), list);
  }
  if (agent.metadata.length) {
    const items = agent.metadata.map((m) =>
      h('div', { class: 'metadata' }, h('span', { class: 'metadata-name' }, valueNode(m.displayName ?? m.key, '?')), h('span', { class: 'muted' }, 'every ', valueNode(m.interval, '?'), ' s')),
    );
    card.append(h('h3', {}, 'Metadata'), h('div', { class: 'metadata-grid' }, ...items));
  }
  return card;
}

function computeCard(c: PreviewCompute, reveal: Reveal): HTMLElement {
  const title = revealing(h('div', { class: 'card-title' }, h('span', { class: 'label' }, c.address), c.container ? h('span', { class: 'muted' }, `container ${c.container}`) : null), c.location, reveal);
  const badges = h('div', { class: 'badges' }, badge(c.platform), badge(c.role === 'dind-sidecar' ? 'dind sidecar' : c.role, c.role === 'workspace' ? 'info' : ''));
  if (c.privileged.known ? c.privileged.value : true) badges.append(badge(c.privileged.known ? 'privileged' : `privileged: ${c.privileged.text}`, c.privileged.known ? 'danger' : 'unknown-badge', 'Full access to the node'));
  if (isTrue(c.sysbox)) badges.append(badge('sysbox runtime', 'info'));
  if (c.method) badges.append(badge(c.method.title, 'method', 'Docker-in-workspace method'));
  const card = h('section', { class: `card compute${c.privileged.known && c.privileged.value ? ' privileged' : ''}`, 'data-compute': c.address }, title, badges);
  card.append(h('div', { class: 'image' }, h('span', { class: 'muted' }, 'image '), h('code', {}, valueNode(c.image, 'not set'))));
  if (c.agent) card.append(h('div', { class: 'muted' }, `runs agent ${c.agent}`));
  if (c.method) {
    card.append(h('h3', {}, 'Needs on the nodes'), h('ul', { class: 'needs' }, ...c.method.requirements.map((r) => h('li', {}, r))));
  }
  return card;
}

function modulesTable(modules: PreviewModule[], reveal: Reveal): HTMLElement {
  const rows = modules.map((m) => {
    const inputs = m.inputs.map((i) => h('span', { class: 'input' }, `${i.name} = `, h('code', {}, valueNode(i.value))));
    const name = revealing(h('td', {}, m.title ?? m.name, m.createsApps ? badge('apps', 'info') : null), m.location, reveal);
    return h('tr', {}, name, h('td', {}, h('code', {}, valueNode(m.source, '?')), ' ', h('span', { class: 'muted' }, valueNode(m.version))), h('td', { class: 'inputs' }, ...inputs));
  });
  return h('table', { class: 'modules' }, h('thead', {}, h('tr', {}, h('th', {}, 'Module'), h('th', {}, 'Source'), h('th', {}, 'Inputs'))), h('tbody', {}, ...rows));
}
