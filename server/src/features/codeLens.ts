import type { CodeLens } from 'vscode-languageserver';
import type { TfFile } from '../model/document';
import type { TemplateModule } from '../model/module';
import { detectMethod } from '../model/method';
import { methodById } from '../model/methodCatalog';
import { ClientCommands } from '../../../shared/src/protocol';

/**
 * "Docker in workspace: <method> · docs" above the resource that runs the workspace, or above the
 * `module` block when that resource sits in a local module.
 */
export function methodCodeLenses(module: TemplateModule, file: TfFile): CodeLens[] {
  const method = detectMethod(module);
  const anchor = method?.via ?? method?.container.resource;
  if (!method || !anchor || anchor.file !== file) return [];
  const info = methodById(method.id);
  const title = `Docker in workspace: ${info?.title ?? method.id} · docs`;
  const block = anchor.block;
  if (!block) return [];
  const range = file.rangeOfOffsets(block.node.startIndex, block.typeNode.endIndex);
  return [{ range, command: { title, command: ClientCommands.showMethodDocs, arguments: [method.id, info?.docsUrl] } }];
}
