import { encodeFrames, FrameAssembler, MAX_FRAME_BYTES } from './notify-frames';
import type { RealtimeEvent } from './realtime-event';

const event = (msg: string): RealtimeEvent => ({ to: { role: 'rep', id: 7 }, event: 'chat.message', data: { msg } });

describe('NOTIFY frames', () => {
  it('sends a small event as one frame', () => {
    const frames = encodeFrames(event('hi'));
    expect(frames).toHaveLength(1);
    expect(new FrameAssembler().accept(frames[0])).toEqual(event('hi'));
  });

  it('splits an event over the 8000-byte limit and reassembles it in any order', () => {
    const big = event('😀'.repeat(5000)); // 20 000 bytes of UTF-8
    const frames = encodeFrames(big);
    expect(frames.length).toBeGreaterThan(2);
    for (const f of frames) expect(Buffer.byteLength(f, 'utf8')).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    const assembler = new FrameAssembler();
    const reversed = [...frames].reverse();
    const results = reversed.map((f) => assembler.accept(f));
    expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
    expect(results.at(-1)).toEqual(big);
  });

  it('gives identical events distinct frames (PostgreSQL collapses identical notifications)', () => {
    expect(encodeFrames(event('same'))[0]).not.toBe(encodeFrames(event('same'))[0]);
  });

  it('drops junk and incomplete events after the ttl', () => {
    const assembler = new FrameAssembler(1000);
    expect(assembler.accept('not json')).toBeUndefined();
    const frames = encodeFrames(event('x'.repeat(20_000)));
    assembler.accept(frames[0], 0);
    // The rest arrives too late: the first part was dropped, so nothing completes.
    const late = frames.slice(1).map((f) => assembler.accept(f, 5000));
    expect(late.every((r) => r === undefined)).toBe(true);
  });
});
