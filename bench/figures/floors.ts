/** The floors: the two parsers alone on each template, the yardsticks the product's targets are ratios of. */
import { hclParse, Input } from '../inputs';
import { quick } from '../options';
import { floorMetric } from '../results';
import { median, timeRuns } from '../statistics';
import { parseText } from '../../server/src/model/parser';

export const tsFloor = new Map<string, number>();

export async function measureFloors(templates: Input[]): Promise<void> {
  for (const t of templates) {
    const tsTimes = await timeRuns(quick ? 20 : 30, quick ? 1 : 3, () => parseText(t.text).delete());
    tsFloor.set(t.id, floorMetric(`floor: tree-sitter full parse, ${t.id} (${t.lines} lines, ${(t.text.length / 1024).toFixed(0)} KiB)`, median(tsTimes), 'ms', `median of ${tsTimes.length}`));
  }
  for (const t of templates) {
    // No target divides by these (the CLI's floor is the corpus pass): --quick takes 5 runs of the big inputs.
    const runs = quick && t.id !== '400' ? 5 : 20;
    const times = await timeRuns(runs, 1, () => hclParse(t.text));
    floorMetric(`floor: hcl2json parse, ${t.id}`, median(times), 'ms', `median of ${runs}`);
  }
}
