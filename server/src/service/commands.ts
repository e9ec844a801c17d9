import * as path from 'node:path';
import type { LintSummary, ScaffoldRequest, TemplateStatus, TemplateVariable } from '../../../shared/src/protocol';
import { ServerCommands } from '../../../shared/src/protocol';
import { METHODS } from '../model/methodCatalog';
import { renderScaffold } from '../scaffold/render';
import { attribute, staticValue } from '../model/syntax';
import { templateStatus as statusOf } from '../features/templateStatus';
import { lintModuleFully } from './lint';
import { ruleMeta } from '../rules';
import type { LanguageService } from './languageService';
import { uriToKey } from '../model/uris';

export const SERVER_COMMAND_IDS = Object.values(ServerCommands);

/** `workspace/executeCommand` handlers: how the client reaches the core without importing it. */
export async function executeServerCommand(service: LanguageService, command: string, args: unknown[]): Promise<unknown> {
  switch (command) {
    case ServerCommands.listMethods:
      return METHODS;
    case ServerCommands.renderScaffold:
      return renderScaffold(args[0] as ScaffoldRequest);
    case ServerCommands.lintFolder:
      return lintFolder(service, String(args[0]));
    case ServerCommands.templateVariables:
      return templateVariables(service, String(args[0]));
    default:
      throw new Error(`unknown command ${command}`);
  }
}

async function lintFolder(service: LanguageService, folderUri: string): Promise<LintSummary> {
  const folder = uriToKey(folderUri);
  const settings = await service.settingsForFolder(folder);
  // A publish checks the folder as it is now: files the editor does not watch may have changed.
  service.workspace.forgetFolder(folder);
  const module = service.moduleForFolder(folder);
  const findings = await lintModuleFully(module, { severities: settings.rules, syntaxChecker: service.syntaxChecker });
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    findings: findings.map((f) => ({
      file: f.file.path,
      line: f.range.start.line,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(f.severity === 'error' && ruleMeta(f.rule)?.blocksPush ? { blocksPush: true } : {}),
    })),
  };
}

function templateVariables(service: LanguageService, folderUri: string): TemplateVariable[] {
  const module = service.moduleForFolder(uriToKey(folderUri));
  return module.declarationsOf('variable').map((d) => {
    const type = attribute(d.block, 'type')?.value?.text;
    const description = staticValue(attribute(d.block, 'description')?.value);
    return {
      name: d.name,
      type,
      description: typeof description === 'string' ? description : undefined,
      hasDefault: !!attribute(d.block, 'default'),
      sensitive: staticValue(attribute(d.block, 'sensitive')?.value) === true,
    };
  });
}

/** `coderDind/templateStatus`: the template of a file, open or not (then its folder on disk). */
export function templateStatus(service: LanguageService, uri: string): TemplateStatus {
  const module = service.context(uri)?.module ?? service.moduleForFolder(path.dirname(uriToKey(uri)));
  return statusOf(module);
}
