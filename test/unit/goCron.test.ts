import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cronError, isGoDuration, isGoTimeZone, PREBUILD_CRON, SCRIPT_CRON, UNIX_CRON } from '../../server/src/model/goCron';
import { prebuildCronError, schedulesOverlap } from '../../server/src/model/prebuildSchedules';

// Expected texts are robfig/cron v3's (parser.go), which the coder provider wraps.
describe('robfig/cron as coder_script.cron reads it (seconds first, day of week optional)', () => {
  const valid = ['0 */5 * * * *', '*/30 * * * * *', '0 0 * * *', '0 0 9 * * MON-FRI', '0 0 9 * * mon,wed', '0 0 0 1 JAN *', '0 0 0 ? * *', '@daily', '@every 1h30m', '@every 90s', 'TZ=Europe/Berlin 0 0 9 * * *', '0 0 1-5/2 * * *', '0 0 5/2 * * *', '  0 0 * * *  '];
  for (const spec of valid) it(`takes ${JSON.stringify(spec)}`, () => assert.equal(cronError(spec, SCRIPT_CRON), undefined));

  const invalid: Array<[string, string]> = [
    ['', 'empty spec string'],
    ['0 0 * * * * *', 'expected 5 to 6 fields, found 7: [0 0 * * * * *]'],
    ['* * * *', 'expected 5 to 6 fields, found 4: [* * * *]'],
    ['60 * * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 5-1 * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['0 0 */0 * * *', 'step of range should be a positive number: */0'],
    ['0 0 1-2-3 * * *', 'too many hyphens: 1-2-3'],
    ['0 0 */2/3 * * *', 'too many slashes: */2/3'],
    ['0 0 x * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['0 0 0 * * FUNDAY', 'failed to parse int from FUNDAY: strconv.Atoi: parsing "FUNDAY": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5 minutes', 'failed to parse duration @every 5 minutes: time: invalid duration "5 minutes"'],
    ['TZ=Mars/Olympus 0 0 * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ];
  for (const [spec, error] of invalid) it(`refuses ${JSON.stringify(spec)}`, () => assert.equal(cronError(spec, SCRIPT_CRON), error));

  it('a five-field Unix schedule is valid for both readers (the provider only warns)', () => {
    assert.equal(cronError('*/5 * * * *', SCRIPT_CRON), undefined);
    assert.equal(cronError('*/5 * * * *', UNIX_CRON), undefined);
    // Valid as seconds-first, but 60 is no minute: the provider gives no warning then.
    assert.equal(cronError('0 60 * * *', UNIX_CRON), 'end of range (60) above maximum (23): 60');
  });
});

describe('prebuild schedules', () => {
  it('five fields, minute *, no descriptors', () => {
    assert.equal(prebuildCronError('* 9-17 * * 1-5'), undefined);
    assert.equal(prebuildCronError('* 9-17 * * MON-FRI'), undefined);
    assert.equal(prebuildCronError('0 9 * * 1-5'), 'cron spec failed validation: minute field should be *');
    assert.equal(prebuildCronError('* * 9 * * 1-5'), 'cron spec failed validation: cron specification should consist of 5 fields');
    assert.equal(prebuildCronError('@daily'), 'cron spec failed validation: cron specification should consist of 5 fields');
    assert.equal(prebuildCronError('* 25 * * *'), 'failed to parse cron spec: end of range (25) above maximum (23): 25');
    assert.equal(cronError('@daily', PREBUILD_CRON), 'parser does not accept descriptors: @daily');
  });

  it('overlaps: months, then days (day of month or of week), then hours', () => {
    assert.equal(schedulesOverlap('* 8-12 * * 1-5', '* 12-18 * * 1-5'), true);
    assert.equal(schedulesOverlap('* 8-11 * * 1-5', '* 12-18 * * 1-5'), false);
    assert.equal(schedulesOverlap('* 8-18 * * 1-5', '* 8-18 * * 0,6'), false);
    assert.equal(schedulesOverlap('* * * 1-6 *', '* * * 7-12 *'), false);
    assert.equal(schedulesOverlap('* 9 1 * *', '* 9 * * 1'), true, 'a * day of month leaves the days of the week to compare');
    assert.equal(schedulesOverlap('* 9 1-10 * 1', '* 9 20-25 * 2'), false);
    assert.equal(schedulesOverlap('* 9 1-10 * 1', '* 9 20-25 * 1'), true, 'either day field overlapping is enough');
    assert.equal(schedulesOverlap('* 9 * * MON-FRI', '* 9 * * 6'), 'invalid day range: invalid start value in range: strconv.Atoi: parsing "MON": invalid syntax');
    assert.equal(schedulesOverlap('* */2 * * *', '* 1 * * 6'), 'invalid hour range: invalid value: strconv.Atoi: parsing "*/2": invalid syntax');
  });
});

describe('Go durations and time zones', () => {
  it('durations', () => {
    for (const d of ['1h', '1h30m', '90s', '1.5h', '0', '300ms', '2us', '2µs']) assert.equal(isGoDuration(d), true, d);
    for (const d of ['', '5', '1d', '5 minutes', 'h']) assert.equal(isGoDuration(d), false, d);
  });
  it('time zones', () => {
    for (const z of ['UTC', 'Local', '', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata']) assert.equal(isGoTimeZone(z), true, z);
    for (const z of ['Mars/Olympus', 'Europe/Atlantis', 'Eastern Standard Time']) assert.equal(isGoTimeZone(z), false, z);
  });
});
