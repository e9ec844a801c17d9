import type { MessageData } from './types';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** A message with its `{{name}}` placeholders filled; a placeholder without data is a bug in the rule. */
export function formatMessage(rule: string, messages: Record<string, string>, messageId: string, data: MessageData = {}): string {
  const template = messages[messageId];
  if (template === undefined) throw new Error(`rule ${rule} reported an unknown message id "${messageId}"`);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`rule ${rule}, message "${messageId}": no data for {{${name}}}`);
    return String(value);
  });
}

/** The names of a message's placeholders, each once, in order of first appearance. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
