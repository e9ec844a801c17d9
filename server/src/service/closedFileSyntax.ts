import type { TfFile } from '../model/document';
import type { CoderDindSettings } from '../../../shared/src/protocol';
import type { Finding } from '../rules/types';
import { SyntaxChecker, syntaxFindings } from './lint';
import { moduleKey } from './workspace';

/**
 * `hcl-syntax` findings of the closed files of open folders: checked once per text read from disk (the
 * file object stands for that text; a change on disk gives a new one), behind the checks of open
 * documents.
 */
export class ClosedFileSyntax {
  private readonly results = new Map<string, { file: TfFile; findings: Finding[] }>();
  private readonly running = new Map<string, TfFile>();
  /** Counts settings changes: a check started under older settings is dropped. */
  private generation = 0;

  constructor(
    private readonly log: (message: string) => void,
    /** Where the check runs; undefined: this thread. */
    private readonly syntaxChecker: SyntaxChecker | undefined,
    /** Called with each check's promise (so that a flush can wait for it). */
    private readonly track: (work: Promise<void>) => void,
    /** Called when a check of a file of `dir` is done. */
    private readonly checked: (dir: string) => void,
  ) {}

  /** The findings of this text of the file, or undefined when it was not checked yet. */
  findingsOf(file: TfFile): Finding[] | undefined {
    const result = this.results.get(file.path);
    return result && result.file === file ? result.findings : undefined;
  }

  /** Starts a check of the file's text, unless one is under way. */
  check(file: TfFile, settings: CoderDindSettings): void {
    if (this.running.get(file.path) === file) return;
    this.running.set(file.path, file);
    const generation = this.generation;
    this.track(
      (async () => {
        let findings: Finding[] = [];
        try {
          findings = await syntaxFindings(file, { severities: settings.rules, syntaxChecker: this.syntaxChecker }, true);
        } catch (error) {
          this.log(`hcl-syntax check of ${file.path} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (this.running.get(file.path) !== file || generation !== this.generation) return;
        this.running.delete(file.path);
        this.results.set(file.path, { file, findings });
        this.checked(moduleKey(file.path));
      })(),
    );
  }

  /** Settings changed: every result is stale, and so is every check under way. */
  reset(): void {
    this.generation++;
    this.results.clear();
    this.running.clear();
  }

  forgetFolder(dir: string): void {
    for (const p of [...this.results.keys()]) if (moduleKey(p) === dir) this.results.delete(p);
    for (const p of [...this.running.keys()]) if (moduleKey(p) === dir) this.running.delete(p);
  }

  get sizes(): { results: number; running: number } {
    return { results: this.results.size, running: this.running.size };
  }
}
