import { cronError, goFields, PREBUILD_CRON } from './goCron';

/**
 * The coder provider's checks of a prebuild schedule (`provider/workspace_preset.go` and
 * `provider/helpers/schedule_validation.go` in v2.17.0), with its error texts.
 */

/** Why one `schedule.cron` is refused, or undefined. */
export function prebuildCronError(spec: string): string | undefined {
  const fields = goFields(spec);
  if (fields.length !== 5) return 'cron spec failed validation: cron specification should consist of 5 fields';
  if (fields[0] !== '*') return 'cron spec failed validation: minute field should be *';
  const error = cronError(spec, PREBUILD_CRON);
  return error ? `failed to parse cron spec: ${error}` : undefined;
}

/** `ParseRange`: the values of one field, or why this simpler parser cannot read it (no names, no steps). */
function parseRange(input: string, max: number): Set<number> | string {
  const out = new Set<number>();
  if (input === '*') {
    for (let i = 0; i <= max; i++) out.add(i);
    return out;
  }
  for (const part of input.split(',')) {
    if (part.includes('-')) {
      const [a, b] = part.split('-');
      const start = atoi(a);
      if (typeof start === 'string') return `invalid start value in range: ${start}`;
      const end = atoi(b);
      if (typeof end === 'string') return `invalid end value in range: ${end}`;
      if (start < 0 || end > max || start > end) return `invalid range ${start}-${end}: values must be between 0 and ${max}`;
      for (let i = start; i <= end; i++) out.add(i);
    } else {
      const value = atoi(part);
      if (typeof value === 'string') return `invalid value: ${value}`;
      if (value < 0 || value > max) return `invalid value ${value}: must be between 0 and ${max}`;
      out.add(value);
    }
  }
  return out;
}

function atoi(text: string): number | string {
  return /^[+-]?\d+$/.test(text) ? Number(text) : `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
}

function overlap(a: string, b: string, max: number): boolean | string {
  const first = parseRange(a, max);
  if (typeof first === 'string') return first;
  const second = parseRange(b, max);
  if (typeof second === 'string') return second;
  return [...first].some((v) => second.has(v));
}

/**
 * `SchedulesOverlap` for two valid five-field schedules: true, false, or the error the provider's overlap
 * check stops on (it reads only numbers, ranges and lists, so `MON-FRI` or `*\/2` fail there).
 */
export function schedulesOverlap(a: string, b: string): boolean | string {
  const [f1, f2] = [goFields(a), goFields(b)];
  const months = overlap(f1[3], f2[3], 12);
  if (typeof months === 'string') return `invalid month range: ${months}`;
  if (!months) return false;
  let days: boolean | string;
  if (f1[2] === '*' || f2[2] === '*') days = overlap(f1[4], f2[4], 6);
  else if (f1[4] === '*' || f2[4] === '*') days = overlap(f1[2], f2[2], 31);
  else {
    const dom = overlap(f1[2], f2[2], 31);
    const dow = typeof dom === 'string' ? dom : overlap(f1[4], f2[4], 6);
    days = typeof dom === 'string' ? dom : typeof dow === 'string' ? dow : dom || dow;
  }
  if (typeof days === 'string') return `invalid day range: ${days}`;
  if (!days) return false;
  const hours = overlap(f1[1], f2[1], 23);
  return typeof hours === 'string' ? `invalid hour range: ${hours}` : hours;
}
