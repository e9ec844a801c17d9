import type { PreviewLocation, PreviewValue } from '../../shared/src/preview';

/**
 * The few DOM helpers the preview needs. Text always goes in as text nodes, never as HTML: a template's
 * descriptions and names cannot inject markup into the webview.
 */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A value: its text when known, or the expression marked unknown (Terraform decides it at run time). */
export function valueNode(value: PreviewValue<unknown> | null, empty = ''): Node {
  if (!value) return document.createTextNode(empty);
  if (value.known) return document.createTextNode(typeof value.value === 'string' ? value.value : JSON.stringify(value.value));
  return h('span', { class: 'unknown', title: 'Unknown until Terraform runs: the template computes it' }, value.text || 'unknown');
}

export const knownText = (value: PreviewValue<unknown> | null | undefined): string | undefined =>
  value?.known ? (typeof value.value === 'string' ? value.value : JSON.stringify(value.value)) : undefined;

export const isTrue = (value: PreviewValue<boolean> | null | undefined): boolean => !!value?.known && value.value;

export function badge(text: string, kind = '', title?: string): HTMLElement {
  return h('span', { class: `badge ${kind}`.trim(), title }, text);
}

/**
 * An icon as text: Coder's icons are paths on the deployment (`/icon/memory.svg`) or remote URLs, and
 * the preview loads nothing remote. The first letter of the name stands in.
 */
export function icon(value: PreviewValue<string> | null, name: string): HTMLElement {
  return h('span', { class: 'icon', 'aria-hidden': 'true', title: knownText(value) }, (name.trim()[0] ?? '?').toUpperCase());
}

/** Makes an element reveal a block of the template when clicked (or activated with the keyboard). */
export function revealing<T extends HTMLElement>(el: T, location: PreviewLocation, reveal: (location: PreviewLocation) => void): T {
  el.classList.add('reveals');
  el.tabIndex = 0;
  el.title = el.title || 'Show in the template';
  el.addEventListener('click', () => reveal(location));
  el.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal(location);
    }
  });
  return el;
}
