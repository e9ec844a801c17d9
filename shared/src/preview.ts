/**
 * The workspace preview's contract: what `coderDind/preview` answers and what the preview panel renders.
 * Plain data, so that any LSP client can draw it.
 */

export const PreviewRequests = {
  /** Params: PreviewParams → WorkspacePreview. */
  preview: 'coderDind/preview',
  /** Params: PreviewValidateParams → PreviewValidation. A value typed in the form, checked as Coder checks it. */
  validate: 'coderDind/previewValidate',
} as const;

export interface PreviewParams {
  /** A `.tf` file; its folder is the template. */
  uri: string;
}

/**
 * A value as the template writes it: known when it is a literal, unknown (with the expression's text)
 * when it depends on a reference, a function call or a condition. Absent arguments are `null`.
 */
export type PreviewValue<T> = { known: true; value: T } | { known: false; text: string };

export interface PreviewPosition {
  line: number;
  character: number;
}

/** Where a block is written: what a click in the preview reveals. */
export interface PreviewLocation {
  uri: string;
  range: { start: PreviewPosition; end: PreviewPosition };
}

export interface PreviewOption {
  name: PreviewValue<string> | null;
  value: PreviewValue<string> | null;
  description: PreviewValue<string> | null;
  icon: PreviewValue<string> | null;
}

export interface PreviewValidationBlock {
  min: PreviewValue<number> | null;
  max: PreviewValue<number> | null;
  monotonic: PreviewValue<string> | null;
  regex: PreviewValue<string> | null;
  error: PreviewValue<string> | null;
}

export type PreviewFormType = PreviewValue<string> & { inferred: boolean };

export interface PreviewParameter {
  /** The data source's address, `data.coder_parameter.<label>`: the key to validate a value with. */
  address: string;
  name: PreviewValue<string> | null;
  displayName: PreviewValue<string> | null;
  description: PreviewValue<string> | null;
  /** `string` when absent. */
  type: PreviewValue<string>;
  /** The form type in effect: as written, or as Coder infers it from the type and the options. */
  formType: PreviewFormType;
  /** The provider's refusal of the type and form type pair, when it refuses it. */
  formTypeError: string | null;
  icon: PreviewValue<string> | null;
  /** Null when `dynamic "option"` blocks make the options unknown. */
  options: PreviewOption[] | null;
  /** The default as the provider receives it (a string), or null when there is none. */
  default: PreviewValue<string> | null;
  /** Null when there is no `validation` block (or a dynamic one hides it). */
  validation: PreviewValidationBlock | null;
  /** `order`, as Coder sorts by it (absent counts as 0). */
  order: PreviewValue<number>;
  mutable: PreviewValue<boolean>;
  ephemeral: PreviewValue<boolean>;
  /** Has a default: the user may leave it. Unknown when the default is. */
  optional: PreviewValue<boolean>;
  /** Rule ids of the findings inside the block. */
  findings: string[];
  location: PreviewLocation;
}

export interface PreviewApp {
  /** `coder_app` or `module` (a registry module that creates apps, e.g. code-server). */
  kind: 'coder_app' | 'module';
  address: string;
  slug: PreviewValue<string> | null;
  displayName: PreviewValue<string> | null;
  icon: PreviewValue<string> | null;
  external: PreviewValue<boolean> | null;
  location: PreviewLocation;
}

export interface PreviewScript {
  /** `startup_script` of the agent, or a `coder_script`. */
  kind: 'startup_script' | 'coder_script';
  displayName: PreviewValue<string> | null;
  runOn: string[];
  location: PreviewLocation;
}

export interface PreviewMetadata {
  key: PreviewValue<string> | null;
  displayName: PreviewValue<string> | null;
  interval: PreviewValue<number> | null;
}

export interface PreviewAgent {
  name: string;
  os: PreviewValue<string> | null;
  arch: PreviewValue<string> | null;
  apps: PreviewApp[];
  scripts: PreviewScript[];
  metadata: PreviewMetadata[];
  location: PreviewLocation;
}

export interface PreviewMethod {
  id: string;
  title: string;
  requirements: string[];
  docsUrl: string;
}

export interface PreviewCompute {
  address: string;
  platform: 'docker' | 'kubernetes';
  /** The container's name in the pod (Kubernetes), when literal. */
  container: string | null;
  image: PreviewValue<string> | null;
  role: 'workspace' | 'dind-sidecar' | 'other';
  /** The agent whose init script it runs, when known. */
  agent: string | null;
  /** The method detected on the template, on the container that shows it. */
  method: PreviewMethod | null;
  privileged: PreviewValue<boolean>;
  sysbox: PreviewValue<boolean>;
  location: PreviewLocation;
}

export interface PreviewModuleInput {
  name: string;
  value: PreviewValue<unknown>;
}

export interface PreviewModule {
  name: string;
  source: PreviewValue<string> | null;
  version: PreviewValue<string> | null;
  /** The registry module's display name, when the index knows the module. */
  title: string | null;
  createsApps: boolean;
  inputs: PreviewModuleInput[];
  location: PreviewLocation;
}

export interface PreviewFinding {
  rule: string;
  severity: string;
  message: string;
  location: PreviewLocation;
}

export interface WorkspacePreview {
  isCoderTemplate: boolean;
  parameters: PreviewParameter[];
  agents: PreviewAgent[];
  compute: PreviewCompute[];
  modules: PreviewModule[];
  method: PreviewMethod | null;
  findings: PreviewFinding[];
}

export interface PreviewValidateParams {
  uri: string;
  /** `PreviewParameter.address`. */
  parameter: string;
  /** The value as Coder receives it: a string (a JSON list for `list(string)`). */
  value: string;
}

/**
 * Coder's verdict on a value: `ok`, its error (summary and detail, as the provider words them), or
 * `unknown` when the parameter's checks depend on values the template does not spell out.
 */
export type PreviewValidation = { status: 'ok' } | { status: 'error'; summary: string; detail: string } | { status: 'unknown'; reason: string };

/** What the preview panel (extension host) sends its page. */
export type ToPreviewPage =
  | { type: 'preview'; preview: WorkspacePreview; folder: string }
  | { type: 'validation'; parameter: string; value: string; result: PreviewValidation }
  | { type: 'unavailable'; message: string };

/** What the page asks of the panel. */
export type FromPreviewPage = { type: 'ready' } | { type: 'reveal'; location: PreviewLocation } | { type: 'validate'; parameter: string; value: string };
