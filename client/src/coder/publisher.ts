/** The publish flow without the editor: find the CLI, read its version once, run it, read the outcome. */
import { buildPublishArgs, type PublishArgsOptions } from './args';
import { classifyFailure, readSuccess, type PublishFailure, type PublishSuccess } from './outcome';
import { createRedactor, REDACTED, secretsFromEnv } from '../../../shared/src/redact';
import { formatCommandLine, runCoder, type RunResult } from './runner';
import { choosePublishVerb, parseCoderVersion, type CoderVersion, type PublishCommandSetting, type PublishVerb } from './version';
import { locateCoder, type LocateResult } from './locate';

export interface CliInfo {
  path: string;
  /** Undefined when `coder version` printed nothing we could read. */
  version?: CoderVersion;
}

/** `coder version` output per executable path: the CLI is asked once per session. */
export class VersionCache {
  private readonly cache = new Map<string, Promise<CoderVersion | undefined>>();

  get(path: string, env: NodeJS.ProcessEnv): Promise<CoderVersion | undefined> {
    let pending = this.cache.get(path);
    if (!pending) {
      // A CLI that hangs on `version` must not hang the publish; 15 s is far above its normal run time.
      pending = runCoder(path, ['version'], { env, signal: AbortSignal.timeout(15_000) }).then((r) =>
        r.exitCode === 0 ? parseCoderVersion(r.stdout.join('\n')) : undefined,
      );
      // A failed read is not cached, so a fixed PATH or setting is picked up next time.
      void pending.then(
        (v) => {
          if (!v) this.cache.delete(path);
        },
        () => this.cache.delete(path),
      );
      this.cache.set(path, pending);
    }
    return pending;
  }

  clear(): void {
    this.cache.clear();
  }
}

export interface PublishRequest extends Omit<PublishArgsOptions, 'verb'> {
  cli: CliInfo;
  /** `coderDind.coder.publishCommand`. */
  publishCommand: PublishCommandSetting;
  /** The command the user ran: Create Template or Push Template. Decides the verb on old CLIs with `auto`. */
  intent?: PublishVerb;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Each redacted output line as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Called with the redacted command line just before the CLI starts. */
  onStart?: (commandLine: string) => void;
  /** Values of sensitive variables: hidden from the output and from the logged command line. */
  sensitiveValues?: string[];
}

export type PublishOutcome =
  | { ok: true; verb: PublishVerb; args: string[]; commandLine: string; success: PublishSuccess; run: RunResult }
  | { ok: false; verb: PublishVerb; args: string[]; commandLine: string; failure: PublishFailure; run: RunResult };

/** Finds the CLI and reads its version; `undefined` version is allowed (the verb then defaults to push). */
export async function detectCli(
  configuredPath: string | undefined,
  env: NodeJS.ProcessEnv,
  versions: VersionCache,
): Promise<{ located: LocateResult; cli?: CliInfo }> {
  const located = locateCoder({ configuredPath, env, platform: process.platform });
  if (!located.found) return { located };
  const version = await versions.get(located.path, env);
  return { located, cli: { path: located.path, version } };
}

export async function publishTemplate(request: PublishRequest): Promise<PublishOutcome> {
  const verb = choosePublishVerb(request.publishCommand, request.cli.version, request.intent ?? 'create');
  const args = buildPublishArgs({ ...request, verb });
  const redact = createRedactor([...secretsFromEnv(request.env), ...(request.sensitiveValues ?? [])]);
  const commandLine = redact(formatCommandLine(request.cli.path, maskSensitiveArgs(args, request.sensitiveValues ?? [])));
  request.onStart?.(commandLine);
  const run = await runCoder(request.cli.path, args, {
    env: request.env,
    signal: request.signal,
    onLine: request.onLine,
    redact,
  });
  if (run.cancelled) {
    return { ok: false, verb, args, commandLine, run, failure: { kind: 'cancelled', message: 'Publishing was cancelled.' } };
  }
  if (run.spawnErrorCode === undefined && run.exitCode === 0) {
    return { ok: true, verb, args, commandLine, run, success: readSuccess(run.lines) };
  }
  return { ok: false, verb, args, commandLine, run, failure: classifyFailure(run.lines, run.spawnErrorCode) };
}

/** The arguments with the values of sensitive `--variable name=value` pairs replaced, for display. */
export function maskSensitiveArgs(args: string[], sensitiveValues: string[]): string[] {
  if (sensitiveValues.length === 0) return args;
  const secrets = new Set(sensitiveValues);
  return args.map((arg, i) => {
    if (i === 0 || (args[i - 1] !== '--variable' && args[i - 1] !== '--var')) return arg;
    const eq = arg.indexOf('=');
    return eq > 0 && secrets.has(arg.slice(eq + 1)) ? `${arg.slice(0, eq + 1)}${REDACTED}` : arg;
  });
}
