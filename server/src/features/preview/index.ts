import type { PreviewFinding, WorkspacePreview } from '../../../../shared/src/preview';
import type { TfFile } from '../../model/document';
import type { TemplateModule } from '../../model/module';
import type { Range } from '../../model/text';
import { previewParameters } from './parameters';
import { UriOf } from './values';
import { previewAgents, previewCompute, previewMethod, previewModules } from './workspace';

export { validateValue } from './parameters';

/** A finding as the preview receives it from the lint (the features layer does not run the rules). */
export interface PreviewInputFinding {
  rule: string;
  severity: string;
  message: string;
  file: TfFile;
  range: Range;
}

/**
 * `coderDind/preview`: the create-workspace form and the workspace a template builds, read from the
 * module model alone (nothing is planned or run).
 */
export function workspacePreview(module: TemplateModule, findings: readonly PreviewInputFinding[], uriOf: UriOf): WorkspacePreview {
  const placed = findings.map((f) => ({ rule: f.rule, file: f.file.path, offset: f.file.offsetAt(f.range.start) }));
  return {
    isCoderTemplate: module.isCoderTemplate,
    parameters: previewParameters(module, placed, uriOf),
    agents: previewAgents(module, uriOf),
    compute: previewCompute(module, uriOf),
    modules: previewModules(module, uriOf),
    method: previewMethod(module),
    findings: findings.map(
      (f): PreviewFinding => ({ rule: f.rule, severity: f.severity, message: f.message, location: { uri: uriOf(f.file), range: f.range } }),
    ),
  };
}
