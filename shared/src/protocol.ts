/**
 * The small contract shared by the language server and the VS Code client. The client imports nothing
 * else from the server.
 */

/**
 * Node flags for the server process. A language server allocates in short bursts (a lint per keystroke)
 * and then idles; V8 sizes its young generation for throughput, up to 3 × 16 MiB that then stay resident.
 * With 1 MiB semi-spaces the server's RSS after opening the 200-template bench corpus fell from 123 to
 * 75 MiB with the same latency (bench/README.md). Flags of this kind only work on the command line.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** Milliseconds between the last edit and the tree-sitter lint. Tests set 0. */
  debounceMs?: number;
  /** Milliseconds between the last edit and the `hcl-syntax` check with the Go HCL parser. */
  syntaxDebounceMs?: number;
  /**
   * Characters of text whose parse trees stay in memory between requests (default 128 Ki); the files read
   * least recently past it are parked and parsed again when read. Tests set it low.
   */
  parsedTextBudget?: number;
}

/** Settings under `coderDind.*` that the server reads per document. */
export interface CoderDindSettings {
  /** Per-rule severity override. */
  rules: Record<string, RuleSeveritySetting>;
}

export type RuleSeveritySetting = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** Command ids the server executes (`workspace/executeCommand`). */
export const ServerCommands = {
  /** Args: [] → MethodInfo[] */
  listMethods: 'coderDind.server.listMethods',
  /** Args: [ScaffoldRequest] → ScaffoldResult */
  renderScaffold: 'coderDind.server.renderScaffold',
  /** Args: [folderUri: string] → LintSummary */
  lintFolder: 'coderDind.server.lintFolder',
  /** Args: [folderUri: string] → TemplateVariable[] */
  templateVariables: 'coderDind.server.templateVariables',
} as const;

/** Requests of our own the server answers besides LSP's (`connection.sendRequest(method, params)`). */
export const ServerRequests = {
  /** Params: TemplateStatusParams → TemplateStatus. What the editor's status item shows for a file. */
  templateStatus: 'coderDind/templateStatus',
} as const;

export interface TemplateStatusParams {
  /** A `.tf` file; its folder is the template. */
  uri: string;
}

/** The template a file belongs to, as the server sees it. */
export interface TemplateStatus {
  /** Whether the folder is a Coder template (only then do the Coder rules run). */
  isCoderTemplate: boolean;
  /** How the template runs Docker in the workspace, when one of the methods is recognised. */
  method: { id: string; title: string; docsUrl: string } | null;
}

/** Command ids the client registers. */
export const ClientCommands = {
  openRuleDocs: 'coderDind.openRuleDocs',
  newTemplate: 'coderDind.newTemplate',
  createTemplate: 'coderDind.createTemplate',
  pushTemplate: 'coderDind.pushTemplate',
  /** Args: [methodId, docsUrl] (the code lens), or none: the method of the active template. */
  showMethodDocs: 'coderDind.showMethodDocs',
  restartServer: 'coderDind.restartServer',
  showOutput: 'coderDind.showOutput',
  fixAll: 'coderDind.fixAll',
  addCiWorkflow: 'coderDind.addCiWorkflow',
  /** Args: [uri?] (the editor title button passes the file), or none: the active file. */
  previewWorkspace: 'coderDind.previewWorkspace',
} as const;

/** The code action kind of "Fix all coder-dind problems" (a source action). */
export const FIX_ALL_KIND = 'source.fixAll.coder-dind';

export interface MethodInfo {
  id: string;
  title: string;
  platform: 'docker' | 'kubernetes';
  summary: string;
  requirements: string[];
  limitations: string[];
  docsUrl: string;
  /** Parameters the scaffold asks for, in order. */
  parameters: ScaffoldParameter[];
}

export interface ScaffoldParameter {
  name: string;
  prompt: string;
  default: string;
  /** Enumerated choices, when the value is one of a fixed set. */
  choices?: string[];
  /**
   * What a valid value looks like, so the client can check input as it is typed. The server checks the
   * same rules again in `renderScaffold`.
   */
  validation?: ScaffoldValidation;
}

export interface ScaffoldValidation {
  /** JavaScript regular expression source the whole value must match. */
  pattern: string;
  /** Largest allowed length in characters. */
  maxLength?: number;
  /** Shown when the value does not match. */
  message: string;
}

export interface ScaffoldRequest {
  method: string;
  parameters: Record<string, string>;
}

export interface ScaffoldFile {
  /** Path relative to the template folder, with forward slashes. */
  path: string;
  content: string;
}

export interface ScaffoldResult {
  files: ScaffoldFile[];
  /** Validation errors by parameter name; when present, `files` is empty. */
  errors?: Record<string, string>;
}

export interface LintSummary {
  errors: number;
  warnings: number;
  findings: LintSummaryFinding[];
}

export interface LintSummaryFinding {
  file: string;
  /** 0-based, as the range's start. */
  line: number;
  rule: string;
  severity: string;
  message: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  /**
   * An error that makes `coder templates push` fail however it is run (the archive is refused, or
   * `terraform init` cannot find what the CLI left out): publishing stops on it, with no "publish anyway".
   */
  blocksPush?: boolean;
}

export interface TemplateVariable {
  name: string;
  type?: string;
  description?: string;
  hasDefault: boolean;
  sensitive: boolean;
}
