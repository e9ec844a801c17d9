import * as vscode from 'vscode';
import { ServerCommands, type TemplateVariable } from '../../../../shared/src/protocol';
import { isTerraformIdentifier } from '../../coder/args';
import type { PublishPlan, VariableValues } from './plan';
import { executeServerCommand, type PublishSession } from './session';

/** Values for the template's variables without defaults: typed one by one, or a YAML variables file. */
export async function askVariables(plan: PublishPlan, session: PublishSession): Promise<VariableValues | undefined> {
  const { folder, preset } = plan;
  const all = (await executeServerCommand<TemplateVariable[]>(session, ServerCommands.templateVariables, folder)) ?? [];
  const required = all.filter((v) => !v.hasDefault && isTerraformIdentifier(v.name));
  const sensitiveNames = new Set(all.filter((v) => v.sensitive).map((v) => v.name));
  const result: VariableValues = { variables: [], variablesFile: preset.variablesFile, sensitive: [] };
  const presetValues = preset.variables ?? {};
  for (const [name, value] of Object.entries(presetValues)) {
    if (!isTerraformIdentifier(name)) continue;
    result.variables.push({ name, value });
    if (sensitiveNames.has(name)) result.sensitive.push(value);
  }
  const missing = required.filter((v) => !(v.name in presetValues));
  // Values set on earlier versions are kept by Coder, so nothing here is mandatory.
  if (missing.length === 0 || preset.variablesFile || plan.scripted) return result;

  type Item = vscode.QuickPickItem & { variable?: TemplateVariable; file?: true };
  const items: Item[] = [
    ...missing.map((v) => ({
      label: v.name,
      description: [v.type, v.sensitive ? 'sensitive' : undefined].filter(Boolean).join(' · ') || undefined,
      detail: v.description,
      picked: true,
      variable: v,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(file) Use a variables file (YAML)…', detail: 'Passed with --variables-file; name: value pairs.', file: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Variables without defaults',
    placeHolder: 'Choose the variables to set now (Coder keeps values set on earlier versions)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.some((i) => i.file)) {
    const file = await vscode.window.showOpenDialog({
      title: 'Variables file',
      canSelectMany: false,
      defaultUri: folder,
      filters: { 'YAML variables file': ['yaml', 'yml'] },
    });
    if (!file?.[0]) return undefined;
    result.variablesFile = file[0].fsPath;
  }
  for (const item of picked) {
    const variable = item.variable;
    if (!variable) continue;
    const value = await vscode.window.showInputBox({
      title: `Value for var.${variable.name}`,
      prompt: variable.description ?? (variable.type ? `Type: ${variable.type}` : undefined),
      password: variable.sensitive,
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    result.variables.push({ name: variable.name, value });
    if (variable.sensitive) result.sensitive.push(value);
  }
  return result;
}
