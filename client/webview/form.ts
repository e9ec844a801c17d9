import type { PreviewLocation, PreviewParameter, PreviewValidation } from '../../shared/src/preview';
import { badge, h, icon, isTrue, knownText, revealing, valueNode } from './dom';

export interface FormHooks {
  reveal(location: PreviewLocation): void;
  /** A value the author typed or chose: checked by the server as Coder checks it. */
  changed(address: string, value: string): void;
  /** Values typed earlier, kept across updates of the preview. */
  typed: Map<string, string>;
  verdicts: Map<string, { value: string; result: PreviewValidation }>;
}

/** The create-workspace form: one field per parameter, in Coder's order, with its default filled in. */
export function renderForm(parameters: PreviewParameter[], hooks: FormHooks): HTMLElement {
  if (parameters.length === 0) return h('p', { class: 'muted no-parameters' }, 'This template has no parameters: the form asks only for a workspace name.');
  return h('div', { class: 'form' }, ...parameters.map((p) => renderParameter(p, hooks)));
}

function renderParameter(p: PreviewParameter, hooks: FormHooks): HTMLElement {
  const name = knownText(p.displayName) ?? knownText(p.name) ?? p.address;
  const title = revealing(h('div', { class: 'param-title' }, icon(p.icon, name), h('span', { class: 'label' }, name)), p.location, hooks.reveal);
  const badges = h('span', { class: 'badges' });
  if (!p.optional.known) badges.append(badge('default unknown', 'unknown-badge'));
  else if (!p.optional.value) badges.append(badge('required', 'required'));
  badges.append(isTrue(p.mutable) ? badge('mutable', 'info', 'Can be changed after the workspace is created') : badge('immutable', '', 'Fixed when the workspace is created'));
  if (isTrue(p.ephemeral)) badges.append(badge('ephemeral', 'info', 'Applies to one build only'));
  if (p.findings.length) badges.append(badge(`${p.findings.length} finding${p.findings.length > 1 ? 's' : ''}`, 'warn', p.findings.join(', ')));
  title.append(badges);
  const section = h('section', { class: 'param', 'data-address': p.address }, title);
  if (p.description) section.append(h('p', { class: 'description' }, valueNode(p.description)));
  const error = h('div', { class: 'error', role: 'alert', 'data-error': p.address });
  const onValue = (value: string) => {
    hooks.typed.set(p.address, value);
    hooks.changed(p.address, value);
  };
  section.append(control(p, hooks.typed.get(p.address), onValue), hints(p), error);
  if (p.formTypeError) error.append(h('strong', {}, 'Coder refuses this parameter'), h('div', {}, p.formTypeError));
  const verdict = hooks.verdicts.get(p.address);
  if (verdict && !p.formTypeError) showVerdict(section, verdict.result);
  return section;
}

/** Shows Coder's answer to a typed value under its field. */
export function showVerdict(section: Element, result: PreviewValidation): void {
  const error = section.querySelector('.error');
  if (!error) return;
  error.replaceChildren();
  section.classList.toggle('invalid', result.status === 'error');
  if (result.status === 'error') error.append(h('strong', {}, result.summary), h('div', {}, result.detail));
  if (result.status === 'unknown') error.append(h('div', { class: 'muted' }, `Not checked: ${result.reason}.`));
}

function control(p: PreviewParameter, typed: string | undefined, onValue: (value: string) => void): HTMLElement {
  const type = knownText(p.type) ?? 'string';
  const form = p.formType.known ? p.formType.value : 'input';
  const value = typed ?? knownText(p.default) ?? '';
  const id = `field-${p.address}`;
  const options = (p.options ?? []).map((o) => ({ label: knownText(o.name) ?? knownText(o.value) ?? '?', value: knownText(o.value) ?? '', option: o }));
  switch (form) {
    case 'radio':
      return group(
        'radio-group',
        options.map((o) => {
          const input = h('input', { type: 'radio', name: id, value: o.value, checked: o.value === value });
          input.addEventListener('change', () => onValue(o.value));
          return h('label', { class: 'choice' }, input, h('span', {}, o.label), o.option.description ? h('small', { class: 'muted' }, valueNode(o.option.description)) : null);
        }),
      );
    case 'dropdown': {
      const select = h('select', { id }, ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
      if (!options.some((o) => o.value === value)) select.prepend(h('option', { value, selected: true }, value === '' ? 'Select an option' : value));
      select.addEventListener('change', () => onValue(select.value));
      return select;
    }
    case 'multi-select':
      return multi(options, value, onValue);
    case 'checkbox':
    case 'switch': {
      const input = h('input', { type: 'checkbox', id, checked: value === 'true', role: form === 'switch' ? 'switch' : undefined });
      const state = h('span', {}, value === 'true' ? 'On' : 'Off');
      input.addEventListener('change', () => {
        state.textContent = input.checked ? 'On' : 'Off';
        onValue(String(input.checked));
      });
      return h('label', { class: `choice ${form}` }, input, state);
    }
    case 'slider': {
      const v = p.validation;
      const input = h('input', { type: 'range', id, min: knownText(v?.min) ?? '0', max: knownText(v?.max) ?? '100', value });
      const out = h('output', { for: id }, value);
      input.addEventListener('input', () => {
        out.textContent = input.value;
        onValue(input.value);
      });
      return h('div', { class: 'slider' }, input, out);
    }
    case 'textarea': {
      const area = h('textarea', { id, rows: '3' }, value);
      area.addEventListener('input', () => onValue(area.value));
      return area;
    }
    case 'tag-select': {
      const input = h('input', { type: 'text', id, value: tagsOf(value), placeholder: 'Comma-separated values' });
      input.addEventListener('input', () => onValue(JSON.stringify(input.value.split(',').map((t) => t.trim()).filter(Boolean))));
      return input;
    }
    default: {
      const input = h('input', { type: type === 'number' ? 'number' : 'text', id, value, spellcheck: 'false' });
      input.addEventListener('input', () => onValue(input.value));
      return input;
    }
  }
}

function group(kind: string, children: HTMLElement[]): HTMLElement {
  return children.length ? h('div', { class: kind, role: 'radiogroup' }, ...children) : h('p', { class: 'muted' }, 'The options are computed (dynamic "option"): unknown until Terraform runs.');
}

function multi(options: Array<{ label: string; value: string }>, value: string, onValue: (value: string) => void): HTMLElement {
  let chosen: string[] = [];
  try {
    const parsed: unknown = JSON.parse(value || '[]');
    if (Array.isArray(parsed)) chosen = parsed.map(String);
  } catch {
    // Not a list: nothing is ticked, and Coder's check says why.
  }
  const boxes = options.map((o) => {
    const input = h('input', { type: 'checkbox', value: o.value, checked: chosen.includes(o.value) });
    input.addEventListener('change', () => onValue(JSON.stringify(boxes.filter((b) => b.checked).map((b) => b.value))));
    return input;
  });
  return h('div', { class: 'multi' }, ...boxes.map((box, i) => h('label', { class: 'chip' }, box, h('span', {}, options[i].label))));
}

function tagsOf(value: string): string {
  try {
    const parsed: unknown = JSON.parse(value || '[]');
    return Array.isArray(parsed) ? parsed.join(', ') : value;
  } catch {
    return value;
  }
}

/** What the field accepts, from the `validation` block, and what the template leaves unknown. */
function hints(p: PreviewParameter): HTMLElement {
  const out = h('div', { class: 'hints' });
  const v = p.validation;
  const add = (label: string, node: Node) => out.append(h('span', { class: 'hint' }, `${label} `, node));
  if (v?.min) add('min', valueNode(v.min));
  if (v?.max) add('max', valueNode(v.max));
  if (v?.monotonic) add('monotonic', valueNode(v.monotonic));
  if (v?.regex) add('must match', h('code', {}, valueNode(v.regex)));
  if (p.default && !p.default.known) add('default', valueNode(p.default));
  if (!p.formType.known) add('form type', valueNode(p.formType));
  if (p.options === null) add('options', h('span', { class: 'unknown' }, 'dynamic'));
  out.append(h('span', { class: 'hint type' }, `${knownText(p.type) ?? 'unknown type'} · ${p.formType.known ? p.formType.value : 'input'}${p.formType.inferred ? ' (inferred)' : ''}`));
  return out;
}
