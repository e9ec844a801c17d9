/**
 * A worker thread that runs `hcl-syntax` (the Go HCL parser, `@cdktf/hcl2json`) on texts, so that the
 * parse — the slowest step of linting — never blocks the thread that answers the editor, and the CLI can
 * use several cores. Bundled as dist/hcl-worker.js; see service/hclWorkers.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { TfFile } from './model/document';
import { LineIndex, Range } from './model/text';
import { checkSyntax } from './rules/hcl-syntax';

export interface HclJob {
  id: number;
  text: string;
}

export interface HclOutcome {
  id: number;
  reports: Array<{ range: Range; message: string }>;
}

parentPort?.on('message', (job: HclJob) => {
  // checkSyntax reads only the text and its lines from the file (to turn HCL columns into LSP ones), so a
  // stand-in spares this thread a tree-sitter parse; the caller puts its own file back on the reports.
  const file = { text: job.text, lines: new LineIndex(job.text) } as unknown as TfFile;
  checkSyntax(file, job.text).then(
    (reports) => parentPort?.postMessage({ id: job.id, reports: reports.map((r) => ({ range: r.range, message: r.message })) } satisfies HclOutcome),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        reports: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `Terraform's HCL parser could not check this file: ${error instanceof Error ? error.message : String(error)}` }],
      } satisfies HclOutcome),
  );
});
