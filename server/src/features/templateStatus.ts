import type { TemplateModule } from '../model/module';
import { detectMethod } from '../model/method';
import { methodById } from '../model/methodCatalog';
import type { TemplateStatus } from '../../../shared/src/protocol';

/** What the editor's status item says about a template: whether Coder's rules apply, and its method. */
export function templateStatus(module: TemplateModule): TemplateStatus {
  const detected = detectMethod(module);
  const info = detected ? methodById(detected.id) : undefined;
  return {
    isCoderTemplate: module.isCoderTemplate,
    method: detected && info ? { id: detected.id, title: info.title, docsUrl: info.docsUrl } : null,
  };
}
