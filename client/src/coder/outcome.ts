/** Reading what the CLI printed: why it failed, Terraform errors, and whether it succeeded. */

export type FailureKind =
  | 'cli-not-found'
  | 'not-logged-in'
  | 'select-organization'
  | 'unknown-organization'
  | 'provisioner-failed'
  | 'invalid-template-name'
  | 'template-exists'
  | 'unknown-flag'
  | 'cancelled'
  | 'other';

export interface TerraformError {
  summary: string;
  /** File as Terraform names it, relative to the template folder (`main.tf`). */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** `resource "docker_container" "workspace"`, when Terraform gives it. */
  context?: string;
  /** The explanation after the source snippet. */
  detail: string;
}

export interface PublishFailure {
  kind: FailureKind;
  /** One sentence for the user: what happened. */
  message: string;
  /** The CLI's own `error: …` text, when present. */
  cliError?: string;
  /** Organisation names, for `select-organization` and `unknown-organization`. */
  organizations?: string[];
  terraformErrors?: TerraformError[];
}

// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Removes terminal escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The text after the last `error: ` line the CLI printed (its error formatter's last line(s)). */
export function cliErrorText(lines: string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\s*error:\s?(.*)$/.exec(lines[i]);
    if (m) {
      const rest = lines.slice(i + 1).map((l) => l.trim()).filter((l) => l.length > 0);
      return [m[1].trim(), ...rest].filter((l) => l.length > 0).join('\n');
    }
  }
  return undefined;
}

/**
 * Terraform diagnostics as Coder's provisioner logs them (`provisioner/terraform/diagnostic.go`):
 * `Error: <summary>`, then `on <file> line <n>[, in <context>]:`, the numbered snippet lines
 * (`  12:   foo = 1`), an optional `├──`/`│` values box, a blank line, and the detail. The CLI
 * indents log lines, so leading whitespace is ignored.
 */
export function parseTerraformErrors(lines: string[]): TerraformError[] {
  // Terraform's own terminal output frames diagnostics with │ ╷ ╵; drop the frame and indentation.
  const bare = lines.map((l) => l.replace(/^\s*[│╷╵]\s?/, '').trim());
  const errors: TerraformError[] = [];
  for (let i = 0; i < bare.length; i++) {
    // `error: …` (lower case) is the CLI's own error line, not a Terraform diagnostic.
    const head = /^Error:\s+(.+)$/.exec(bare[i]);
    if (!head) continue;
    const found: TerraformError = { summary: head[1], detail: '' };
    let j = i + 1;
    while (j < bare.length && bare[j] === '') j++;
    const where = j < bare.length ? /^on (.+?) line (\d+)(?:, in (.+?))?:$/.exec(bare[j]) : null;
    if (where) {
      found.file = where[1];
      found.line = Number(where[2]);
      if (where[3]) found.context = where[3];
      j++;
      while (j < bare.length && /^(?:\d+:|├|│|\(source code not available\))/.test(bare[j])) j++;
    }
    // The detail is the first paragraph after the snippet.
    const detail: string[] = [];
    for (; j < bare.length; j++) {
      const text = bare[j];
      if (/^Error:\s|^Warning:\s|^error:|^[=✔✘⧗]{1,3}\s|^==>|^Encountered an error running/.test(text)) break;
      if (text === '') {
        if (detail.length > 0) break;
        continue;
      }
      detail.push(text);
    }
    found.detail = detail.join(' ');
    errors.push(found);
    i = j - 1;
  }
  return errors;
}

function splitList(text: string): string[] {
  return text
    .replace(/[.\]]+\s*$/, '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Why a run failed, from its exit code and output (ANSI already stripped). The checks follow the
 * CLI's own messages (`cli/root.go`, `cli/templatepush.go`, `cli/templatecreate.go`).
 */
export function classifyFailure(lines: string[], spawnErrorCode?: string): PublishFailure {
  if (spawnErrorCode === 'ENOENT' || spawnErrorCode === 'EACCES') {
    return {
      kind: 'cli-not-found',
      message:
        spawnErrorCode === 'ENOENT'
          ? 'The coder CLI was not found.'
          : 'The coder CLI could not be started (permission denied).',
    };
  }
  const text = lines.join('\n');
  const cliError = cliErrorText(lines);

  if (/You are not logged in\./.test(text)) {
    return { kind: 'not-logged-in', message: 'The coder CLI is not logged in to a Coder deployment.', cliError };
  }
  const choose = /Must select an organization with --org=<org_name>\. Choose from: (.*)$/m.exec(text);
  if (choose) {
    return {
      kind: 'select-organization',
      message: 'You belong to several Coder organizations; choose the one to publish to.',
      cliError,
      organizations: splitList(choose[1]),
    };
  }
  const unknownOrg = /organization "([^"]*)" not found.*Valid options for '--org=' are \[(.*)\]/m.exec(text);
  if (unknownOrg) {
    return {
      kind: 'unknown-organization',
      message: `The organization "${unknownOrg[1]}" was not found among yours.`,
      cliError,
      organizations: splitList(unknownOrg[2]),
    };
  }
  if (/Template name must be less than 32 characters/.test(text)) {
    return { kind: 'invalid-template-name', message: 'The template name must be less than 32 characters.', cliError };
  }
  const exists = /A template already exists named "([^"]*)"/.exec(text);
  if (exists) {
    return {
      kind: 'template-exists',
      message: `A template named "${exists[1]}" already exists; "templates create" cannot update it. Use Push instead.`,
      cliError,
    };
  }
  const unknownFlag = /unknown (?:shorthand )?flag:?\s*(.+)$/m.exec(text);
  if (unknownFlag && cliError !== undefined && /unknown (?:shorthand )?flag/.test(cliError)) {
    return {
      kind: 'unknown-flag',
      message: `This coder CLI does not know the flag ${unknownFlag[1].trim()}; it may be too old for this option.`,
      cliError,
    };
  }
  const terraformErrors = parseTerraformErrors(lines);
  const jobFailed = /job failed: (\w+)|✘|terraform (?:plan|init|apply)|template import provision/i.test(cliError ?? '') ||
    /^\s*job failed: /m.test(text);
  if (terraformErrors.length > 0 || jobFailed) {
    const first = terraformErrors[0];
    return {
      kind: 'provisioner-failed',
      message: first
        ? `Coder could not import the template: ${first.summary}${first.file ? ` (${first.file}${first.line ? `:${first.line}` : ''})` : ''}.`
        : 'Coder could not import the template: the provisioner job failed.',
      cliError,
      terraformErrors,
    };
  }
  return {
    kind: 'other',
    message: cliError ? `The coder CLI failed: ${cliError.split('\n')[0]}` : 'The coder CLI failed.',
    cliError,
  };
}

export interface PublishSuccess {
  /** The CLI said the template was created (first push, or `create`). */
  created: boolean;
  /** The CLI said a new version was made active (`Updated version at …!`). */
  updated: boolean;
}

/**
 * What the CLI reported on success. It prints no URL and no version name: only
 * "The <name> template has been created at <timestamp>!" and/or "Updated version at <timestamp>!".
 */
export function readSuccess(lines: string[]): PublishSuccess {
  const text = lines.join('\n');
  return {
    created: /template has been created at /.test(text),
    updated: /Updated version at /.test(text),
  };
}
