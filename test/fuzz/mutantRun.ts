/**
 * What one mutant's checks share: the bounds of a hang, the failures and figures they record, and the
 * timed request that turns an error answer into a failure.
 */
import { pathToFileURL } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import type { FuzzClient } from './client';

/**
 * A request (or the publish after the last edit) that costs the server more than this much CPU time is a
 * hang; so is one that has no answer after STUCK_MS of wall time. CPU time, because the machine may be
 * shared: wall time measures the load as much as the server. Both are ≥ 10× the typical time.
 */
export const HANG_MS = 2_000;
export const STUCK_MS = 20_000;
/** Answers that are not failures: an unimplemented method, a refused rename, a cancelled request. */
const ACCEPTED_ERRORS = new Set<number>([ErrorCodes.MethodNotFound, LSPErrorCodes.RequestFailed, LSPErrorCodes.ContentModified, LSPErrorCodes.RequestCancelled]);
/** A CLI process slower than this is a hang (it starts tsx, the grammar and the Go runtime: ~2 s). */
export const PROCESS_HANG_MS = 60_000;

export type FailureKind = 'crash' | 'hang' | 'invalid' | 'corrupt';
export interface Failure {
  kind: FailureKind;
  where: string;
  detail: string;
}

export interface Figures {
  requests: number;
  cliRuns: number;
  processRuns: number;
  /** Worst latency per request kind, in ms of wall time and of CPU time. */
  worst: Record<string, number>;
  worstCpu: Record<string, number>;
  /** Total time and count per request kind, for the mean. */
  total: Record<string, [number, number]>;
}

export function emptyFigures(): Figures {
  return { requests: 0, cliRuns: 0, processRuns: 0, worst: {}, worstCpu: {}, total: {} };
}

/** Starts a stopwatch; calling the result gives [wall ms, CPU ms of this process] since. */
export function startClock(): () => [number, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return [performance.now() - t0, (c.user + c.system) / 1000];
  };
}

/** The checks one mutant goes through; failures and figures accumulate here. */
export class MutantRun {
  readonly failures: Failure[] = [];

  constructor(readonly figures: Figures) {}

  fail(kind: FailureKind, where: string, detail: string): void {
    if (this.failures.length < 20) this.failures.push({ kind, where, detail: detail.slice(0, 2000) });
  }

  /** Records a latency (wall ms) and the CPU time the process spent meanwhile. */
  time(kind: string, ms: number, cpuMs: number): void {
    this.figures.worst[kind] = Math.max(this.figures.worst[kind] ?? 0, ms);
    this.figures.worstCpu[kind] = Math.max(this.figures.worstCpu[kind] ?? 0, cpuMs);
    const t = (this.figures.total[kind] ??= [0, 0]);
    t[0] += ms;
    t[1]++;
    if (cpuMs > HANG_MS) this.fail('hang', kind, `took ${cpuMs.toFixed(0)} ms of CPU time, ${ms.toFixed(0)} ms in all (bound ${HANG_MS} ms of CPU)`);
    else if (ms > STUCK_MS) this.fail('hang', kind, `took ${ms.toFixed(0)} ms (bound ${STUCK_MS} ms)`);
  }

  /** Sends a request, times it, and turns errors other than "method not found" into failures. */
  async request<R>(_client: FuzzClient, kind: string, send: () => Promise<R>): Promise<R | undefined> {
    const clock = startClock();
    this.figures.requests++;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STUCK_MS)));
      const result = await Promise.race([send(), timeout]);
      if (result === 'timeout') {
        this.fail('hang', kind, `no answer within ${STUCK_MS} ms`);
        return undefined;
      }
      return result;
    } catch (error) {
      if (error instanceof ResponseError && ACCEPTED_ERRORS.has(error.code)) return undefined;
      this.fail('crash', kind, error instanceof Error ? error.stack ?? error.message : String(error));
      return undefined;
    } finally {
      clearTimeout(timer);
      this.time(kind, ...clock());
    }
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
