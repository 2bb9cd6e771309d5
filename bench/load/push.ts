/**
 * Push latency, measured the same way on both servers: one WebSocket connected as the push rep
 * (signed handshake, docs/realtime.md), that rep's customers send texts over HTTP at a steady
 * rate, and each sample is the time from the start of the HTTP request to the arrival of the
 * `chat.message` frame carrying that text (matched by a unique marker in the text; the frame may
 * arrive before the HTTP answer does).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { PUSH_REP, sign } from './config';
import { summarize, LatencySummary } from './cannon';
import { textForm } from './endpoints';
import type { Pair } from './pools';
import type { ServerHandle } from './servers';

export interface PushOptions {
  samples: number;
  /** Sends per second. */
  rate: number;
  /** Samples discarded at the start (connection warm-up, JIT). */
  warmup: number;
}

export interface PushResult {
  server: string;
  ok: boolean;
  error?: string;
  sent: number;
  received: number;
  lost: number;
  httpErrors: number;
  push: LatencySummary;
  /** HTTP send latency of the same requests, for comparison. */
  http: LatencySummary;
}

function post(agent: Agent, port: number, path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }, timeout: 10_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

function openSocket(port: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?role=rep&${sign('rep', PUSH_REP)}`);
    const timer = setTimeout(() => (ws.terminate(), reject(new Error('no "ready" frame within 5 s'))), 5_000);
    ws.on('message', (raw) => {
      try {
        if (JSON.parse(raw.toString()).event === 'ready') {
          clearTimeout(timer);
          resolve(ws);
        }
      } catch {
        // not JSON: ignored
      }
    });
    ws.on('close', (code, reason) => (clearTimeout(timer), reject(new Error(`socket closed ${code} ${reason.toString()}`))));
    ws.on('error', (e) => (clearTimeout(timer), reject(e)));
  });
}

export async function measurePush(server: ServerHandle, customers: Pair[], options: PushOptions): Promise<PushResult> {
  // The warm-up sends once from every customer of the pool: otherwise the server measured
  // first pays the cold pages of the pool's conversations and the second finds them cached
  // (seen: p99 113 ms vs 11 ms for whichever went first).
  const o = { ...options, warmup: Math.max(options.warmup, customers.length) };
  const empty = summarize([]);
  let ws: WebSocket;
  try {
    ws = await openSocket(server.port);
  } catch (error) {
    return { server: server.kind, ok: false, error: `WebSocket: ${(error as Error).message}`, sent: 0, received: 0, lost: 0, httpErrors: 0, push: empty, http: empty };
  }
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const started = new Map<string, number>();
  const pushMs: number[] = [];
  const httpMs: number[] = [];
  let httpErrors = 0;
  let received = 0;
  const run = `${server.kind}-${Date.now().toString(36)}`;
  ws.on('message', (raw) => {
    const now = performance.now();
    let frame: { event?: string; data?: { msg?: string } };
    try {
      frame = JSON.parse(raw.toString());
    } catch {
      return;
    }
    if (frame.event !== 'chat.message' || typeof frame.data?.msg !== 'string') return;
    const t0 = started.get(frame.data.msg);
    if (t0 === undefined) return;
    started.delete(frame.data.msg);
    received++;
    if (received > o.warmup) pushMs.push(now - t0);
  });

  const total = o.samples + o.warmup;
  const interval = 1000 / o.rate;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    // Steady schedule (not back-to-back): wait for this send's slot.
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const who = customers[i % customers.length];
    const marker = `推送测试 ${run} #${i}`;
    const begin = performance.now();
    started.set(marker, begin);
    inflight.push(
      post(agent, server.port, `/zhugeleida/gongzhonghao/chat/send_msg/0?${sign('customer', who.c)}`, textForm({ u_id: who.rep }, marker))
        .then((res) => {
          if (!/^\{"code":200[,}]/.test(res.text)) httpErrors++;
          else if (i >= o.warmup) httpMs.push(performance.now() - begin);
        })
        .catch(() => void httpErrors++),
    );
  }
  await Promise.all(inflight);
  // Frames still on their way: bounded wait.
  const deadline = performance.now() + 5_000;
  while (started.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  ws.close();
  agent.destroy();
  return {
    server: server.kind,
    ok: true,
    sent: total,
    received,
    lost: started.size,
    httpErrors,
    push: summarize(pushMs),
    http: summarize(httpMs),
  };
}
