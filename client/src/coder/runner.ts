/** Running the `coder` CLI as a child process: never through a shell, output line by line, cancellable. */
import { spawn } from 'node:child_process';
import { stripAnsi } from './outcome';

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Aborting kills the child and its process group. */
  signal?: AbortSignal;
  /** Every output line, ANSI stripped and passed through `redact`, as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Applied to every line before it is stored or reported. */
  redact?: (text: string) => string;
  /** Milliseconds between SIGINT and SIGKILL when cancelling. */
  killGraceMs?: number;
}

export interface RunResult {
  /** Exit code, or null when the process ended by a signal or never started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started (`ENOENT`, `EACCES`, …). */
  spawnErrorCode?: string;
  spawnErrorMessage?: string;
  cancelled: boolean;
  /** Redacted, ANSI-stripped lines of both streams in arrival order. */
  lines: string[];
  stdout: string[];
  stderr: string[];
  pid?: number;
}

/** Splits a stream into lines on `\n`, `\r\n` or a lone `\r` (spinners redraw with `\r`). */
class LineSplitter {
  private pending = '';
  constructor(private readonly emit: (line: string) => void) {}
  push(chunk: string): void {
    const text = this.pending + chunk;
    const parts = text.split(/\r\n|\n|\r(?!$)/);
    this.pending = parts.pop() ?? '';
    for (const part of parts) this.emit(part);
  }
  end(): void {
    const rest = this.pending.replace(/\r$/, '');
    this.pending = '';
    if (rest.length > 0) this.emit(rest);
  }
}

/**
 * Runs `file args…` with `shell: false`. On POSIX the child leads its own process group
 * (`detached`), so cancelling can signal the whole group, including anything the CLI started.
 * Stdin is closed at once: with `-y` the CLI asks nothing, and any prompt it still shows gets EOF
 * instead of hanging.
 */
export function runCoder(file: string, args: string[], options: RunOptions): Promise<RunResult> {
  const redact = options.redact ?? ((t: string) => t);
  const posix = process.platform !== 'win32';
  const result: RunResult = { exitCode: null, signal: null, cancelled: false, lines: [], stdout: [], stderr: [] };

  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      result.cancelled = true;
      resolve(result);
      return;
    }
    let settled = false;
    const child = spawn(file, args, {
      shell: false,
      cwd: options.cwd,
      env: options.env,
      detached: posix,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    result.pid = child.pid;
    child.stdin?.on('error', () => undefined);
    child.stdin?.end();

    const makeSplitter = (stream: 'stdout' | 'stderr') =>
      new LineSplitter((raw) => {
        const line = redact(stripAnsi(raw));
        result.lines.push(line);
        result[stream].push(line);
        options.onLine?.(line, stream);
      });
    const out = makeSplitter('stdout');
    const err = makeSplitter('stderr');
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));

    let killTimer: NodeJS.Timeout | undefined;
    const kill = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        if (posix) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // Already gone.
      }
    };
    const onAbort = () => {
      result.cancelled = true;
      // SIGINT is the CLI's Ctrl+C: it asks Coder to cancel the provisioner job before exiting
      // (cliui.ProvisionerJob). Whatever is still running after the grace period is killed.
      kill('SIGINT');
      killTimer = setTimeout(() => kill('SIGKILL'), options.killGraceMs ?? 3000);
      killTimer.unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = () => {
      if (settled) return;
      settled = true;
      out.end();
      err.end();
      options.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      resolve(result);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      result.spawnErrorCode = error.code;
      result.spawnErrorMessage = redact(error.message);
      finish();
    });
    // 'close' waits for the output streams to end, so no line is lost.
    child.on('close', (code, sig) => {
      result.exitCode = code;
      result.signal = sig;
      finish();
    });
  });
}

/** One publish at a time per template folder. */
export class FolderLocks {
  private readonly held = new Set<string>();

  /** Takes the lock, or returns undefined when it is held; the returned function releases it. */
  tryAcquire(folder: string): (() => void) | undefined {
    const key = normalizeFolderKey(folder);
    if (this.held.has(key)) return undefined;
    this.held.add(key);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held.delete(key);
    };
  }

  isHeld(folder: string): boolean {
    return this.held.has(normalizeFolderKey(folder));
  }
}

function normalizeFolderKey(folder: string): string {
  const trimmed = folder.replace(/[\\/]+$/, '');
  return process.platform === 'win32' ? trimmed.toLowerCase() : trimmed;
}

/** A command line for the log: each argument quoted when needed. Only for display, never executed. */
export function formatCommandLine(file: string, args: string[]): string {
  return [file, ...args].map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
