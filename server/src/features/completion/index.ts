/**
 * Context-aware completion from the text and tree around the cursor. Everything comes from memory: the
 * schema the module's providers choose, the module's index and the method detection already computed.
 */
import type { CompletionItem } from 'vscode-languageserver';
import type { TfFile } from '../../model/document';
import type { TemplateModule } from '../../model/module';
import type { Position } from '../../model/text';
import { cursorContext } from '../cursor';
import { bodyCompletion } from './bodies';
import { CompletionContext } from './context';
import { labelCompletion } from './labels';
import { expressionCompletion } from './references';
import { mapKeyCompletion, stringCompletion } from './values';

export function completion(file: TfFile, module: TemplateModule, position: Position, triggerCharacter?: string): CompletionItem[] {
  const offset = file.offsetAt(position);
  const cursor = cursorContext(file, offset);
  const c = new CompletionContext(file, module, cursor);
  const p = cursor.position;
  switch (p.kind) {
    case 'body':
      return triggerCharacter ? [] : bodyCompletion(c, p.wordStart);
    case 'label':
      return triggerCharacter && triggerCharacter !== '"' ? [] : labelCompletion(c, p.blockType, p.index, p.contentStart);
    case 'expression':
      return expressionCompletion(c, p.attribute, p.inTuple, p.inInterpolation, triggerCharacter);
    case 'string':
      return triggerCharacter && triggerCharacter !== '"' ? [] : stringCompletion(c, p.attribute, p.inTuple, p.contentStart);
    case 'mapKey':
      return triggerCharacter && triggerCharacter !== '"' ? [] : mapKeyCompletion(c, p.attribute, p.inString, p.wordStart);
    case 'none':
      return [];
  }
}
