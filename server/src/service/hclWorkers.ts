import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HclJob, HclOutcome } from '../hcl-worker';
import type { TfFile } from '../model/document';
import { checkSyntax } from '../rules/hcl-syntax';
import type { Report } from '../rules/types';
import { setSyntaxChecker } from './lint';

interface Pending {
  job: HclJob;
  file: TfFile;
  resolve(reports: Report[]): void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

/**
 * A small pool of worker threads running `hcl-syntax`. Jobs run in order of submission, one per worker at
 * a time. With `idleMs`, the workers end after that long without work (the Go runtime holds tens of MB)
 * and start again on the next job. A worker that dies hands its job back to this thread.
 */
export class HclWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly idleMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Worker threads running now. */
  get workerCount(): number {
    return this.slots.length;
  }

  /** The `hcl-syntax` reports of a file's current text, as `checkSyntax` gives them. */
  check = (file: TfFile): Promise<Report[]> =>
    new Promise<Report[]>((resolve) => {
      clearTimeout(this.idleTimer);
      this.queue.push({ job: { id: this.nextId++, text: file.text }, file, resolve });
      this.dispatch();
    });

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size && !this.disposed) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.busy = pending;
      slot.worker.postMessage(pending.job);
    }
    if (this.slots.every((s) => !s.busy) && Number.isFinite(this.idleMs)) {
      this.idleTimer = setTimeout(() => this.stopWorkers(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (outcome: HclOutcome) => {
      const pending = slot.busy;
      if (!pending || pending.job.id !== outcome.id) return;
      slot.busy = undefined;
      pending.resolve(outcome.reports.map((r) => ({ file: pending.file, range: r.range, message: r.message })));
      this.dispatch();
    });
    const lost = () => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      const pending = slot.busy;
      slot.busy = undefined;
      if (pending) inThisThread(pending);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.slots.push(slot);
    return slot;
  }

  private stopWorkers(): void {
    for (const slot of this.slots.splice(0)) {
      slot.worker.removeAllListeners();
      if (slot.busy) inThisThread(slot.busy);
      void slot.worker.terminate();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    this.stopWorkers();
    for (const pending of this.queue.splice(0)) inThisThread(pending);
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
 * Routes `hcl-syntax` through a pool of worker threads when the bundled worker exists. Returns the pool
 * (dispose it to let the process end), or undefined when the check stays in this thread.
 */
export function useHclWorkers(size: number, idleMs?: number): HclWorkerPool | undefined {
  const script = bundledHclWorker();
  if (!script || size < 1) return undefined;
  const pool = new HclWorkerPool(script, size, idleMs);
  setSyntaxChecker(pool.check);
  return pool;
}
