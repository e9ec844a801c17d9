/** Renaming a resource or data source type: its label and the type in every reference to the object. */
import type { Declaration } from '../../model/fileIndex';
import type { TemplateModule } from '../../model/module';
import { FixBuilder } from '../edits';
import type { Fix } from '../types';

export function renameTypeFix(module: TemplateModule, declaration: Declaration, replacement: string, title: string): Fix {
  const builder = new FixBuilder(title);
  const label = declaration.block!.labelNodes[0]!;
  builder.replace(declaration.file, label.startIndex + 1, label.endIndex - 1, replacement);
  for (const reference of module.references) {
    if (reference.name !== declaration.name) continue;
    if (declaration.kind === 'data' && reference.kind === 'data') {
      const typeNode = reference.traversal.steps[0]!.node.lastNamedChild;
      if (typeNode) builder.replaceNode(reference.file, typeNode, replacement);
    } else if (declaration.kind === 'resource' && reference.kind === 'resource') {
      builder.replaceNode(reference.file, reference.traversal.rootNode, replacement);
    }
  }
  return builder.build();
}
