import type { FromPreviewPage, ToPreviewPage, WorkspacePreview } from '../../shared/src/preview';
import { badge, h } from './dom';
import { FormHooks, renderForm, showVerdict } from './form';
import { renderWorkspace } from './workspace';

declare function acquireVsCodeApi(): { postMessage(message: FromPreviewPage): void };
const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const VALIDATE_DELAY_MS = 150;

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const hooks: FormHooks = {
  typed: new Map(),
  verdicts: new Map(),
  reveal: (location) => vscode.postMessage({ type: 'reveal', location }),
  changed(address, value) {
    clearTimeout(timers.get(address));
    timers.set(address, setTimeout(() => vscode.postMessage({ type: 'validate', parameter: address, value }), VALIDATE_DELAY_MS));
  },
};

function render(preview: WorkspacePreview, folder: string): void {
  const header = h('header', {}, h('h1', {}, `Workspace preview: ${folder}`));
  if (preview.method) header.append(badge(preview.method.title, 'method', 'Docker-in-workspace method'));
  const errors = preview.findings.filter((f) => f.severity === 'error').length;
  if (preview.findings.length) header.append(badge(`${preview.findings.length} finding${preview.findings.length > 1 ? 's' : ''}${errors ? `, ${errors} error${errors > 1 ? 's' : ''}` : ''}`, errors ? 'danger' : 'warn'));
  const note = h('p', { class: 'muted' }, 'What users see when they create a workspace. Values you enter are checked as Coder checks them; nothing is written to the template.');
  if (!preview.isCoderTemplate) note.textContent = 'This folder is not a Coder template (no coder_agent, coder_workspace or coder provider).';
  root.replaceChildren(header, note, h('h2', {}, 'Parameters'), renderForm(preview.parameters, hooks), h('h2', {}, 'Workspace'), renderWorkspace(preview, hooks.reveal));
  // A typed value is checked again against the template as it is now.
  for (const [address, value] of hooks.typed) {
    if (preview.parameters.some((p) => p.address === address)) vscode.postMessage({ type: 'validate', parameter: address, value });
    else hooks.typed.delete(address);
  }
}

window.addEventListener('message', (event: MessageEvent<ToPreviewPage>) => {
  const message = event.data;
  if (message.type === 'preview') render(message.preview, message.folder);
  else if (message.type === 'unavailable') root.replaceChildren(h('p', { class: 'muted' }, message.message));
  else if (message.type === 'validation' && hooks.typed.get(message.parameter) === message.value) {
    hooks.verdicts.set(message.parameter, { value: message.value, result: message.result });
    const section = [...document.querySelectorAll('section.param')].find((s) => s.getAttribute('data-address') === message.parameter);
    if (section) showVerdict(section, message.result);
  }
});
vscode.postMessage({ type: 'ready' });
