/**
 * A worker that runs `hcl-syntax` (the Go HCL parser, `@cdktf/hcl2json`) on texts, so that the parse, the
 * slowest step of linting, never blocks the thread that answers the editor, and the CLI can use several
 * cores. It runs as a worker thread (the CLI) or as a child process (the language server). Bundled as
 * dist/hcl-worker.js; see service/hclWorkers.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { TfFile } from '../model/document';
import { LineIndex, Range } from '../model/text';
import { checkSyntax } from './hclParser';

export interface HclJob {
  id: number;
  text: string;
}

export interface HclOutcome {
  id: number;
  reports: Array<{ range: Range; message: string }>;
}

/** Where jobs come from and outcomes go: the parent thread, or the parent process over IPC. */
const channel: { on(listener: (job: HclJob) => void): void; reply(outcome: HclOutcome): void } | undefined = parentPort
  ? { on: (listener) => void parentPort?.on('message', listener), reply: (outcome) => parentPort?.postMessage(outcome) }
  : process.send
    ? {
        on: (listener) => void process.on('message', listener),
        // A parent that was killed mid-job leaves the send failing (EPIPE): end quietly, there is no one to tell.
        reply: (outcome) => void process.send?.(outcome, undefined, {}, (error) => error && process.exit(0)),
      }
    : undefined;

// A child process ends with its parent: the IPC channel closes however the parent ends.
if (!parentPort && process.send) {
  process.on('disconnect', () => process.exit(0));
  // The same failure may also come as an 'error' event on the process: without a listener Node prints
  // its stack trace into the language server's output channel.
  process.on('error', () => process.exit(0));
}

channel?.on((job: HclJob) => {
  // checkSyntax reads only the text and its lines from the file (to turn HCL columns into LSP ones), so a
  // stand-in spares this thread a tree-sitter parse; the caller puts its own file back on the reports.
  const file = { text: job.text, lines: new LineIndex(job.text) } as unknown as TfFile;
  checkSyntax(file, job.text).then(
    (reports) => channel.reply({ id: job.id, reports: reports.map((r) => ({ range: r.range, message: r.message })) }),
    (error: unknown) =>
      channel.reply({
        id: job.id,
        reports: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `Terraform's HCL parser could not check this file: ${error instanceof Error ? error.message : String(error)}` }],
      }),
  );
});
