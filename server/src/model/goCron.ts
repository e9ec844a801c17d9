/**
 * The cron parser Coder's provider uses (robfig/cron v3), for the two ways the coder provider sets it
 * up: `coder_script.cron` (seconds first, day of week optional, `@daily`-style descriptors) and a
 * prebuild `schedule.cron` (the five classic fields, no descriptors). Returns robfig's own error text.
 */

export interface CronOptions {
  /** The fields in use, in order: `second`, `minute`, `hour`, `dom`, `month`, `dow`. */
  fields: Field[];
  /** The last field may be left out. */
  dowOptional: boolean;
  descriptors: boolean;
}

type Field = 'second' | 'minute' | 'hour' | 'dom' | 'month' | 'dow';

export const SCRIPT_CRON: CronOptions = { fields: ['second', 'minute', 'hour', 'dom', 'month', 'dow'], dowOptional: true, descriptors: true };
export const UNIX_CRON: CronOptions = { fields: ['minute', 'hour', 'dom', 'month', 'dow'], dowOptional: true, descriptors: true };
export const PREBUILD_CRON: CronOptions = { fields: ['minute', 'hour', 'dom', 'month', 'dow'], dowOptional: false, descriptors: false };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const BOUNDS: Record<Field, { min: number; max: number; names?: Map<string, number> }> = {
  second: { min: 0, max: 59 },
  minute: { min: 0, max: 59 },
  hour: { min: 0, max: 23 },
  dom: { min: 1, max: 31 },
  month: { min: 1, max: 12, names: new Map(MONTHS.map((m, i) => [m, i + 1])) },
  dow: { min: 0, max: 6, names: new Map(DAYS.map((d, i) => [d, i])) },
};

/** Go's strings.Fields: split on runs of white space. */
export function goFields(text: string): string[] {
  return text.split(/[\t\n\v\f\r \u0085\u00a0]+/).filter((f) => f !== '');
}

/** The parse error robfig/cron gives, or undefined when the spec parses. */
export function cronError(spec: string, options: CronOptions): string | undefined {
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    // robfig slices up to the first space; without one the provider would crash rather than answer.
    if (space < 0) return 'a time zone prefix must be followed by a space and the schedule';
    const zone = spec.slice(spec.indexOf('=') + 1, space);
    if (!isGoTimeZone(zone)) return `provided bad location ${zone}: unknown time zone ${zone}`;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    if (!options.descriptors) return `parser does not accept descriptors: ${spec}`;
    return descriptorError(spec);
  }
  const fields = goFields(spec);
  const max = options.fields.length;
  const min = options.dowOptional ? max - 1 : max;
  if (fields.length < min || fields.length > max) {
    const shown = `[${fields.join(' ')}]`;
    return min === max ? `expected exactly ${min} fields, found ${fields.length}: ${shown}` : `expected ${min} to ${max} fields, found ${fields.length}: ${shown}`;
  }
  for (let i = 0; i < fields.length; i++) {
    const error = fieldError(fields[i], BOUNDS[options.fields[i]]);
    if (error) return error;
  }
  return undefined;
}

function descriptorError(spec: string): string | undefined {
  if (['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'].includes(spec)) return undefined;
  if (spec.startsWith('@every ')) {
    const duration = spec.slice('@every '.length);
    return isGoDuration(duration) ? undefined : `failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(duration)}`;
  }
  return `unrecognized descriptor: ${spec}`;
}

/** Go's time.ParseDuration syntax (`1h30m`, `90s`, `0`, `.5h`). */
export function isGoDuration(text: string): boolean {
  return text === '0' || /^[+-]?((\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/.test(text) || /^[+-]0$/.test(text);
}

function fieldError(field: string, bounds: (typeof BOUNDS)[Field]): string | undefined {
  for (const expr of field.split(',').filter((r) => r !== '')) {
    const error = rangeError(expr, bounds);
    if (error) return error;
  }
  return undefined;
}

function rangeError(expr: string, r: (typeof BOUNDS)[Field]): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    const low = intOrName(lowAndHigh[0], r.names);
    if (typeof low === 'string') return low;
    start = low;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const high = intOrName(lowAndHigh[1], r.names);
      if (typeof high === 'string') return high;
      end = high;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = goInt(rangeAndStep[1]);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1) end = r.max; // "N/step" means "N-max/step"
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

function intOrName(text: string, names?: Map<string, number>): number | string {
  const named = names?.get(text.toLowerCase());
  return named ?? goInt(text);
}

/** strconv.Atoi, then robfig's refusal of negative numbers; a string is the error. */
function goInt(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const n = Number(text);
  if (n < 0) return `negative number (${n}) not allowed: ${text}`;
  return n;
}

/**
 * Whether Go's time.LoadLocation takes the name. "" and "UTC" and "Local" are built in; anything else
 * must be in the tz database, which Node's ICU holds too. ICU also takes names Go does not (any case,
 * offsets such as "+01:00"); those are let through, so a finding is only ever raised on a name neither knows.
 */
export function isGoTimeZone(name: string): boolean {
  if (name === '' || name === 'UTC' || name === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
