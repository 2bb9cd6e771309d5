/**
 * Before measuring: the same signed URLs sent to both servers must get the same bytes back, or
 * the comparison is between servers doing different work. Read-only endpoints only (a write
 * cannot be repeated on the second server with the same outcome).
 */
import type { Endpoint } from './endpoints';
import type { ServerHandle } from './servers';

export interface ParityResult {
  endpoint: string;
  compared: number;
  identical: number;
  /** Where the first differing answer diverges, with a little context from each. */
  firstDifference?: string;
}

async function fetchText(port: number, path: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return `HTTP ${res.status} ${await res.text()}`;
}

function describeDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 60);
  return `at character ${i}: Leida …${a.slice(from, i + 80)}… vs reference …${b.slice(from, i + 80)}…`;
}

export async function checkParity(leida: ServerHandle, reference: ServerHandle, endpoints: Endpoint[], samples: number): Promise<ParityResult[]> {
  const results: ParityResult[] = [];
  for (const e of endpoints) {
    if (e.writes || e.steps.length !== 1) continue;
    const r: ParityResult = { endpoint: e.id, compared: 0, identical: 0 };
    for (let i = 0; i < samples; i++) {
      const built = e.steps[0].build({});
      if (built.method !== 'GET') break;
      const [a, b] = await Promise.all([fetchText(leida.port, built.path), fetchText(reference.port, built.path)]);
      r.compared++;
      if (a === b) r.identical++;
      else r.firstDifference ??= `${built.path.replace(/rand_str=[0-9a-f]+/, 'rand_str=…')}: ${describeDifference(a, b)}`;
    }
    results.push(r);
  }
  return results;
}
