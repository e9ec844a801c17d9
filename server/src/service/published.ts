import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { describeSkip, SkipReason } from './textLimits';

/** One file's diagnostics as they should stand now. */
export interface FileDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
  /** An open document's version; undefined for a file read from disk. */
  version: number | undefined;
}

interface Sent {
  version: number | undefined;
  /** The diagnostics as sent, serialised: equal text, equal diagnostics. */
  signature: string;
}

/**
 * What each file of each folder was last sent, so that a lint of a whole folder sends only the files whose
 * diagnostics changed (and the edited document, whose version did), and a folder can be cleared whole.
 */
export class PublishedDiagnostics {
  private readonly folders = new Map<string, Map<string, Sent>>();

  constructor(private readonly send: (uri: string, diagnostics: Diagnostic[], version: number | undefined) => void) {}

  /**
   * Makes the folder's files stand as `files` say. Files in `keep` are left as they were last sent (their
   * next state is not known yet); files sent before that are in neither list are cleared (they vanished).
   * `resend` is sent even when unchanged.
   */
  sync(dir: string, files: FileDiagnostics[], keep: ReadonlySet<string> = new Set(), resend?: string): void {
    const before = this.folders.get(dir) ?? new Map<string, Sent>();
    const now = new Map<string, Sent>();
    for (const file of files) {
      const signature = JSON.stringify(file.diagnostics);
      const last = before.get(file.uri);
      now.set(file.uri, { version: file.version, signature });
      // A document's new version is always sent (clients wait for it); a closed file only when it changed.
      if (file.uri !== resend && last && last.signature === signature && (file.version === undefined || file.version === last.version)) continue;
      this.send(file.uri, file.diagnostics, file.version);
    }
    for (const uri of keep) {
      const last = before.get(uri);
      if (last && !now.has(uri)) now.set(uri, last);
    }
    for (const [uri, last] of before) if (!now.has(uri) && last.signature !== '[]') this.send(uri, [], undefined);
    if (now.size) this.folders.set(dir, now);
    else this.folders.delete(dir);
  }

  /** Clears every file of the folder that has diagnostics, and forgets the folder. */
  clear(dir: string): void {
    for (const [uri, sent] of this.folders.get(dir) ?? []) if (sent.signature !== '[]') this.send(uri, [], undefined);
    this.folders.delete(dir);
  }

  /** The folders with files sent (for tests of what the server keeps). */
  get size(): number {
    return this.folders.size;
  }
}

/** What a file that is not analysed shows instead of findings: one information line saying why. */
export function skipDiagnostic(reason: SkipReason): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'coder-dind', message: describeSkip(reason) };
}
