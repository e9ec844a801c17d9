import type { MessageData } from './types';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * A message template rewritten part by part: the text between placeholders through `literal`, each
 * `{{name}}` through `placeholder`. The one reader of the placeholder syntax (filling, SARIF's form).
 */
export function rewriteTemplate(template: string, literal: (text: string) => string, placeholder: (name: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out += literal(template.slice(at, m.index)) + placeholder(m[1]);
    at = m.index + m[0].length;
  }
  return out + literal(template.slice(at));
}

/** A message with its `{{name}}` placeholders filled; a placeholder without data is a bug in the rule. */
export function formatMessage(rule: string, messages: Record<string, string>, messageId: string, data: MessageData = {}): string {
  const template = messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule} reported an unknown message id "${messageId}"`);
  return rewriteTemplate(
    template,
    (text) => text,
    (name) => {
      const value = data[name];
      if (value === undefined) throw new Error(`rule ${rule}, message "${messageId}": no data for {{${name}}}`);
      return String(value);
    },
  );
}

/** The names of a message's placeholders, each once, in order of first appearance. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
