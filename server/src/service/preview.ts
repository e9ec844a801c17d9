import * as path from 'node:path';
import type { PreviewParams, PreviewValidateParams, PreviewValidation, WorkspacePreview } from '../../../shared/src/preview';
import { validateValue, workspacePreview } from '../features/preview';
import type { TemplateModule } from '../model/module';
import type { LanguageService } from './languageService';
import { uriToKey } from '../model/uris';

/** The template of a file, open or not (then its folder on disk). */
function moduleOf(service: LanguageService, uri: string): TemplateModule {
  return service.context(uri)?.module ?? service.moduleForFolder(path.dirname(uriToKey(uri)));
}

/** `coderDind/preview`: the template's form and workspace, with the findings of the rules as the editor shows them. */
export async function preview(service: LanguageService, params: PreviewParams): Promise<WorkspacePreview> {
  const settings = await service.settingsForFolder(path.dirname(uriToKey(params.uri)));
  // The module is taken after the `await`: trees may have been parked meanwhile.
  const module = moduleOf(service, params.uri);
  const findings = service.findings.of(module, settings);
  return workspacePreview(module, findings, (file) => service.uriOf(file.path));
}

/** `coderDind/previewValidate`: a value typed in the preview's form, as Coder judges it. */
export function previewValidate(service: LanguageService, params: PreviewValidateParams): PreviewValidation {
  return validateValue(moduleOf(service, params.uri), params.parameter, params.value);
}
