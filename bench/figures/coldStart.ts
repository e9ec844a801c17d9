/** The cold-start figure: the bundled server from spawn to its first diagnostics. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Input } from '../inputs';
import { Session, withTimeout } from '../lsp';
import { dist } from '../options';
import { targetMetric } from '../results';
import { median } from '../statistics';

export async function measureColdStart(t: Input): Promise<void> {
  const serverJs = path.join(dist, 'server.js');
  if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: the build failed`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const session = Session.spawnBundled(serverJs);
    try {
      await withTimeout(session.initialize({}), 10000, 'initialize');
      const published = session.waitForDiagnostics(t.uri);
      await session.open(t.uri, t.text);
      await withTimeout(published, 10000, 'first publishDiagnostics');
      times.push(performance.now() - t0);
    } finally {
      await session.close();
    }
  }
  targetMetric({ name: `cold start → first diagnostics, ${t.id} (median of 5)`, value: median(times), unit: 'ms', target: 600, comparison: '<=', targetRule: 'absolute' });
}
