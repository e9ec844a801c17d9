import { availableParallelism } from 'node:os';
import { runSessions } from './runner';

/**
 * `npm run differential [-- --seed S --sessions N --first F --steps K --session I]`: random multi-file editing
 * sessions through the bundled language server, each ending with every buffer saved and the server's
 * last diagnostics compared, file by file, with `coder-dind lint --format json` on the files on disk
 * (test/differential/runner.ts). `npm test` runs 20 sessions of 30 steps (test/lsp/differential.test.ts);
 * this script runs as many as asked, prints each failure with its steps and the command that replays it,
 * and the figures at the end. Exits 1 when a session failed.
 */
interface Options {
  seed: number;
  sessions: number;
  steps: number;
  session?: number;
  /** The index of the first session (to go on with a long run from where it stopped). */
  first?: number;
  /** Sessions run at once, each with its own server. */
  parallel: number;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { seed: 19, sessions: 20, steps: 30, parallel: Math.max(1, Math.min(2, availableParallelism())) };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => {
      const n = Number(inline ?? argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
      return n;
    };
    switch (flag) {
      case '--seed': o.seed = value(); break;
      case '--sessions': o.sessions = value(); break;
      case '--steps': o.steps = value(); break;
      case '--session': o.session = value(); break;
      case '--first': o.first = value(); break;
      case '--parallel': o.parallel = Math.max(1, value()); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return o;
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const indexes = o.session !== undefined ? [o.session] : Array.from({ length: o.sessions }, (_, i) => (o.first ?? 0) + i);
  console.log(`differential: seed ${o.seed}, ${indexes.length} session(s) of ${o.steps} steps, ${Math.min(o.parallel, indexes.length)} at a time`);
  const t0 = performance.now();
  const figures = await runSessions(
    o.seed,
    indexes,
    o.steps,
    o.parallel,
    (report) => console.log(`\nFAIL ${report}\n`),
    (f) => {
      if (f.sessions % 50 === 0) console.log(`  ${f.sessions} sessions, ${f.failures.length} failed, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `\ndifferential: ${figures.sessions} sessions, ${figures.steps} steps, ${figures.files} files compared ` +
      `(${figures.findings} findings), ${figures.publishes} publishes; ${figures.failures.length} failed; ${seconds.toFixed(0)} s`,
  );
  return figures.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
