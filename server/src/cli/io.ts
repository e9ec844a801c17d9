/** The one I/O of every subcommand: the process's streams in cli.ts, strings in the tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}
