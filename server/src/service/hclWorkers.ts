import { ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HclJob, HclOutcome } from './hclWorker';
import type { TfFile } from '../model/document';
import { checkSyntax } from './hclParser';
import type { SyntaxReport } from '../rules/types';

interface Pending {
  job: HclJob;
  file: TfFile;
  resolve(reports: SyntaxReport[]): void;
}

interface Slot {
  worker: HclRunner;
  /** Jobs posted to this worker and not answered yet, oldest first. */
  busy: Pending[];
}

/**
 * Where the Go parser runs: a worker thread, or a child process. A thread starts a little sooner, but
 * when it ends, about 45 MiB of its memory stays in this process (glibc keeps the thread's heap); a
 * process gives everything back when it exits. The language server idles most of the time, so it uses
 * a process; the CLI, which exits anyway, uses threads.
 */
export type HclRunnerKind = 'thread' | 'process';

/** What the pool needs of a thread or a child process. */
interface HclRunner {
  readonly pid?: number;
  post(job: HclJob): void;
  onMessage(listener: (outcome: HclOutcome) => void): void;
  /** Called once when it can no longer answer (it failed or exited). */
  onLost(listener: () => void): void;
  stop(): void;
}

function threadRunner(script: string): HclRunner {
  const worker = new Worker(script);
  worker.unref();
  return {
    post: (job) => worker.postMessage(job),
    onMessage: (listener) => void worker.on('message', listener),
    onLost: (listener) => {
      worker.on('error', listener);
      worker.on('exit', listener);
    },
    stop: () => {
      worker.removeAllListeners();
      void worker.terminate();
    },
  };
}

function processRunner(script: string): HclRunner {
  // stdout is not inherited: a language server's stdout is its LSP channel. The child exits when this
  // process goes away (its IPC channel closes), however this process ends. Its channel keeps this
  // process alive only while a job is out.
  const child: ChildProcess = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  child.unref();
  child.channel?.unref();
  let out = 0;
  return {
    pid: child.pid,
    post: (job) => {
      if (out++ === 0) child.channel?.ref();
      child.send(job);
    },
    onMessage: (listener) =>
      void child.on('message', (message) => {
        if (--out === 0) child.channel?.unref();
        listener(message as HclOutcome);
      }),
    onLost: (listener) => {
      child.on('error', listener);
      child.on('exit', listener);
    },
    stop: () => {
      child.removeAllListeners();
      child.kill();
    },
  };
}

/**
 * A small pool of workers (threads or child processes) running `hcl-syntax`. Jobs run in order of
 * submission; each worker holds up to `depth` of them at a time (the editor's server: one, so that a newer
 * text can still go first; the CLI: several, so that a worker never waits for this thread, busy with the
 * tree-sitter rules, to hand it the next file). With `idleMs`, the workers end after that long without
 * work (the Go runtime holds tens of MB) and start again on the next job. A worker that dies hands its
 * jobs back to this thread.
 */
export class HclWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  /** Checks of files nobody is editing (closed files of an open folder): they wait for the others. */
  private readonly background: Pending[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly idleMs = Number.POSITIVE_INFINITY,
    private readonly kind: HclRunnerKind = 'thread',
    private readonly depth = 1,
  ) {}

  /** Workers running now. */
  get workerCount(): number {
    return this.slots.length;
  }

  /** The process ids of the child processes running now (none for threads). */
  get workerPids(): number[] {
    return this.slots.map((s) => s.worker.pid).filter((pid): pid is number => pid !== undefined);
  }

  /**
   * The `hcl-syntax` reports of a file's current text, as `checkSyntax` gives them. A background check
   * runs after every check asked for without that flag, so that opening a folder of many files never
   * delays the document being typed in.
   */
  check = (file: TfFile, background = false): Promise<SyntaxReport[]> =>
    new Promise<SyntaxReport[]>((resolve) => {
      clearTimeout(this.idleTimer);
      (background ? this.background : this.queue).push({ job: { id: this.nextId++, text: file.text }, file, resolve });
      this.dispatch();
    });

  private dispatch(): void {
    while (this.queue.length || this.background.length) {
      let slot = this.slots.reduce<Slot | undefined>((least, s) => (!least || s.busy.length < least.busy.length ? s : least), undefined);
      if ((!slot || slot.busy.length) && this.slots.length < this.size && !this.disposed) slot = this.spawn();
      if (!slot || slot.busy.length >= this.depth) return;
      const pending = (this.queue.shift() ?? this.background.shift()) as Pending;
      slot.busy.push(pending);
      slot.worker.post(pending.job);
    }
    if (this.slots.every((s) => !s.busy.length) && Number.isFinite(this.idleMs)) {
      this.idleTimer = setTimeout(() => this.stopWorkers(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private spawn(): Slot {
    const worker = this.kind === 'process' ? processRunner(this.script) : threadRunner(this.script);
    const slot: Slot = { worker, busy: [] };
    worker.onMessage((outcome) => {
      const index = slot.busy.findIndex((p) => p.job.id === outcome.id);
      if (index < 0) return;
      const [pending] = slot.busy.splice(index, 1);
      pending.resolve(outcome.reports.map((r) => ({ file: pending.file, range: r.range, message: r.message })));
      this.dispatch();
    });
    worker.onLost(() => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      for (const pending of slot.busy.splice(0)) inThisThread(pending);
      this.dispatch();
    });
    this.slots.push(slot);
    return slot;
  }

  private stopWorkers(): void {
    for (const slot of this.slots.splice(0)) {
      slot.worker.stop();
      for (const pending of slot.busy.splice(0)) inThisThread(pending);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    this.stopWorkers();
    for (const pending of [...this.queue.splice(0), ...this.background.splice(0)]) inThisThread(pending);
  }
}

function inThisThread(pending: Pending): void {
  void checkSyntax(pending.file, pending.job.text).then(pending.resolve);
}

/** The bundled worker script beside this bundle, if there is one (running from sources, there is not). */
export function bundledHclWorker(): string | undefined {
  const script = path.join(__dirname, 'hcl-worker.js');
  return existsSync(script) ? script : undefined;
}

/**
 * A pool of workers for `hcl-syntax` when the bundled worker exists: pass its `check` as the
 * `syntaxChecker` of the service or the lint, and dispose it to let the process end. Undefined when the
 * check stays in this thread.
 */
export function useHclWorkers(size: number, idleMs?: number, kind: HclRunnerKind = 'thread', depth = 1): HclWorkerPool | undefined {
  const script = bundledHclWorker();
  if (!script || size < 1) return undefined;
  return new HclWorkerPool(script, size, idleMs, kind, depth);
}
