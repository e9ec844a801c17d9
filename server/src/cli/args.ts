import * as os from 'node:os';
import { parseArgs } from 'node:util';
import type { RuleSeveritySetting } from '../../../shared/src/protocol';
import { UsageError } from './collect';

export const FORMATS = ['stylish', 'json', 'sarif', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintArgs {
  paths: string[];
  format: Format;
  fix: boolean;
  maxWarnings?: number;
  /** Threads in all, this one included: the ones past the first run `hcl-syntax` (the Go parser). */
  jobs: number;
  color?: boolean;
  severities: Record<string, RuleSeveritySetting>;
  /** Only errors are reported (and, with --fix, only their fixes applied), as ESLint's --quiet. */
  quiet: boolean;
  /** Where the report goes instead of standard output. */
  outputFile?: string;
  /** The cache folder when --cache is on. */
  cache?: string;
}

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/coder-dind';

export const LINT_USAGE = `Usage: coder-dind lint [paths…] [options]

Lints Coder workspace templates. A folder is linted as one Terraform module, and each
sub-folder that holds .tf files as another; a .tf file is reported alone.

Options:
  -f, --format stylish|json|sarif|gitlab
                                output format (default: stylish); gitlab is GitLab's code quality report
  -o, --output-file <path>      write the report to this file instead of standard output
  --quiet                       report errors only (with --fix, apply only the fixes of errors)
  --fix                         apply the preferred fix of each finding, then lint again
  --max-warnings N              exit 1 when there are more than N warnings (counted with --quiet too)
  --rule <id>=<severity>        override a rule's severity (off|hint|info|warning|error); repeatable
  --cache                       skip modules whose files, settings and tool version are unchanged
  --cache-location <folder>     where the cache lives (default: ${DEFAULT_CACHE_LOCATION}); implies --cache
  --color / --no-color          force colours on or off (default: on for a terminal)
  -j, --jobs N                  threads, this one included; past the first they run Terraform's HCL parser
                                (default: the number of CPUs; 1 = all in one thread); the output is the same whatever N
  -h, --help                    show this help

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, read or write error.
`;

/** The lint options, read with Node's own argument parser. */
export function parseLintArgs(argv: string[]): LintArgs | 'help' {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(describe(error as Error & { code?: string }));
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) return 'help';
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}": use ${FORMATS.join(', ')}`);
  const args: LintArgs = {
    paths: positionals.length ? positionals : ['.'],
    format: format as Format,
    fix: values.fix ?? false,
    quiet: values.quiet ?? false,
    severities: {},
    jobs: defaultJobs(),
    outputFile: nonEmpty(values['output-file'], '--output-file'),
  };
  if (values['max-warnings'] !== undefined) args.maxWarnings = wholeNumber(values['max-warnings'], '--max-warnings', 0);
  if (values.jobs !== undefined) args.jobs = wholeNumber(values.jobs, '--jobs', 1);
  for (const spec of values.rule ?? []) {
    const m = /^([a-z0-9-]+)=(off|hint|info|warning|error)$/.exec(spec);
    if (!m) throw new UsageError(`--rule takes <rule-id>=off|hint|info|warning|error, not "${spec}"`);
    args.severities[m[1]] = m[2] as RuleSeveritySetting;
  }
  // The last of --color and --no-color wins.
  for (const t of tokens) if (t.kind === 'option' && (t.name === 'color' || t.name === 'no-color')) args.color = t.name === 'color';
  if (values.cache || values['cache-location'] !== undefined) args.cache = nonEmpty(values['cache-location'], '--cache-location') ?? DEFAULT_CACHE_LOCATION;
  return args;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string', short: 'f' },
      'output-file': { type: 'string', short: 'o' },
      quiet: { type: 'boolean' },
      fix: { type: 'boolean' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
    },
  });
}

/** Node's messages name the option with its usage; ours keep the short form the tests and users know. */
function describe(error: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value`;
  const noValue = /Option '(--[\w-]+)' does not take an argument/.exec(error.message);
  if (noValue) return `${noValue[1]} takes no value`;
  return error.message;
}

function wholeNumber(text: string, name: string, min: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`${name} needs a whole number ≥ ${min}`);
  return n;
}

function nonEmpty(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!value) throw new UsageError(`${name} needs a value`);
  return value;
}

function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
