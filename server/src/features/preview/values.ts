import type { PreviewLocation, PreviewValue } from '../../../../shared/src/preview';
import { argument, ArgumentValue, literal, literalBool, literalInteger, literalString } from '../../model/coderValues';
import type { TfFile } from '../../model/document';
import type { SyntaxNode } from '../../model/parser';
import type { HclBlock } from '../../model/syntax';

/**
 * How the preview reads a template: through the same literal readers the Coder rules use, so that the
 * preview and the findings agree on what is known. Anything else is unknown and shows its text.
 */

/** The URI the client knows a file by. */
export type UriOf = (file: TfFile) => string;

export function locationOf(file: TfFile, node: SyntaxNode, uriOf: UriOf): PreviewLocation {
  return { uri: uriOf(file), range: file.rangeOf(node) };
}

/** An argument's value: null when absent or `null`, known when literal, unknown with its text otherwise. */
export function fromArgument<T>(value: ArgumentValue<T>): PreviewValue<T> | null {
  if (value.state === 'absent' || value.state === 'null') return null;
  return value.state === 'known' ? { known: true, value: value.value } : unknown(value.node);
}

/** As `fromArgument`, with the value an absent argument has. */
export function withDefault<T>(value: ArgumentValue<T>, fallback: T): PreviewValue<T> {
  return fromArgument(value) ?? { known: true, value: fallback };
}

export function unknown(node: SyntaxNode): { known: false; text: string } {
  const text = node.text.replace(/\s+/g, ' ').trim();
  return { known: false, text: text.length > 80 ? `${text.slice(0, 77)}...` : text };
}

export const stringArg = (block: HclBlock | undefined, name: string) => fromArgument(argument(block, name, literalString));
export const boolArg = (block: HclBlock | undefined, name: string) => fromArgument(argument(block, name, literalBool));
export const integerArg = (block: HclBlock | undefined, name: string) => fromArgument(argument(block, name, literalInteger));
export const anyArg = (block: HclBlock | undefined, name: string) => fromArgument<unknown>(argument(block, name, literal));

/** A fact the model keeps as known true, known false or undefined (unknown), with the node it came from. */
export function tristate(value: boolean | undefined, node: SyntaxNode | undefined): PreviewValue<boolean> {
  if (value !== undefined) return { known: true, value };
  return node ? unknown(node) : { known: false, text: 'dynamic' };
}
