import * as vscode from 'vscode';
import type { PublishFailure } from '../../coder/outcome';
import type { CliInfo } from '../../coder/publisher';
import type { PublishCommandSetting, PublishVerb } from '../../coder/version';

/**
 * Values a caller may pass as the second argument of the commands (the scaffold flow, scripts, tests).
 * They pre-fill the prompts. With `skipPrompts`, nothing is asked: the values (or their defaults) are
 * used as given, which is what a caller that already asked the user, or a test, needs. Extensions run
 * with the same rights as this one, so this opens nothing they could not do already.
 */
export interface PublishPreset {
  templateName?: string;
  variables?: Record<string, string>;
  variablesFile?: string;
  message?: string;
  versionName?: string;
  organization?: string;
  skipPrompts?: boolean;
  /** With `skipPrompts`: publish even when lint finds errors (otherwise the command stops). */
  publishDespiteLintErrors?: boolean;
  /** With `skipPrompts`: the organisation to choose when the CLI asks for one. */
  organizationChoice?: string;
}

/** What the commands return, for callers and tests. Sensitive variable values are redacted. */
export interface PublishCommandResult {
  ok: boolean;
  verb?: PublishVerb;
  args?: string[];
  failure?: PublishFailure['kind'] | 'untrusted' | 'busy' | 'aborted-by-user' | 'lint-errors' | 'push-blocked';
  /** The notification text shown to the user. */
  message?: string;
  /** The buttons offered with it. */
  actions?: string[];
  /** Lines written to the "Coder" output channel during this run. */
  output?: string[];
  /** Messages shown in the progress notification. */
  progress?: string[];
  /** Organisations the CLI offered, when it asked for one. */
  organizationsOffered?: string[];
  /** "Open in Coder" target, when the deployment URL is known. */
  templateUrl?: string;
  /** Diagnostics put on the template's files from Terraform errors. */
  diagnostics?: Array<{ file: string; line: number; message: string }>;
}

/** Values for the template's variables: typed, from the preset, or a YAML file; `sensitive` are masked in output. */
export interface VariableValues {
  variables: Array<{ name: string; value: string }>;
  variablesFile?: string;
  sensitive: string[];
}

/**
 * Everything one publish decides, filled in by the steps (steps.ts) in order. A field is set by exactly
 * one step; a new question is one step function and one field here.
 */
export interface PublishPlan {
  readonly intent: PublishVerb;
  readonly folder: vscode.Uri;
  readonly preset: PublishPreset;
  /** Nothing is asked (`preset.skipPrompts`). */
  readonly scripted: boolean;
  readonly configuredPath: string;
  readonly publishCommand: PublishCommandSetting;
  readonly env: NodeJS.ProcessEnv;
  cli?: CliInfo;
  templateName?: string;
  values?: VariableValues;
  message?: string;
  organization?: string;
  versionName?: string;
}

/** A plan whose steps have all run: every field the CLI needs is there. */
export type CompletePlan = PublishPlan & Required<Pick<PublishPlan, 'cli' | 'templateName' | 'values' | 'message'>>;

export const ABORTED: PublishCommandResult = { ok: false, failure: 'aborted-by-user' };

export function newPlan(intent: PublishVerb, folder: vscode.Uri, preset: PublishPreset): PublishPlan {
  const config = vscode.workspace.getConfiguration('coderDind.coder', folder);
  return {
    intent,
    folder,
    preset,
    scripted: preset.skipPrompts === true,
    configuredPath: config.get<string>('path', '').trim(),
    publishCommand: config.get<PublishCommandSetting>('publishCommand', 'auto'),
    env: { ...process.env },
    organization: preset.organization ?? (config.get<string>('organization', '').trim() || undefined),
  };
}

export function asPreset(value: unknown): PublishPreset {
  // The Explorer passes the selected URIs as the second argument; only a plain object is a preset.
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof vscode.Uri) return {};
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const variables =
    v.variables && typeof v.variables === 'object' && !Array.isArray(v.variables)
      ? Object.fromEntries(Object.entries(v.variables as Record<string, unknown>).filter(([, x]) => typeof x === 'string')) as Record<string, string>
      : undefined;
  return {
    templateName: str(v.templateName),
    variables,
    variablesFile: str(v.variablesFile),
    message: str(v.message),
    versionName: str(v.versionName),
    organization: str(v.organization),
    skipPrompts: v.skipPrompts === true,
    publishDespiteLintErrors: v.publishDespiteLintErrors === true,
    organizationChoice: str(v.organizationChoice),
  };
}
