import { actionPoints, aiPrBreakdown, aiPrScore, chatPoints, decay } from './ai-pr';

// Expected values are computed by hand (docs/ai-pr.md shows the arithmetic).
describe('ai_pr formula', () => {
  it('is 0 without any activity', () => {
    expect(aiPrScore([], null)).toBe(0);
    expect(aiPrScore([], { customerMessages: 0, repMessages: 7 })).toBe(0);
  });

  it('halves an action every 7 days', () => {
    expect(decay(0)).toBe(1);
    expect(decay(7)).toBe(0.5);
    expect(decay(14)).toBe(0.25);
  });

  it('one 觉得靠谱 today: raw 8 → 100·(1 − e^−0.16) = 14.79 → 15', () => {
    expect(aiPrBreakdown([{ action: 9, ageDays: 0, count: 1 }])).toEqual({ actionPoints: 8, chatPoints: 0, raw: 8, score: 15 });
  });

  it('the worked example of docs/ai-pr.md: raw 22 → 36', () => {
    const tallies = [
      { action: 1, ageDays: 0, count: 2 }, // 3 × 2 = 6
      { action: 7, ageDays: 7, count: 1 }, // 10 × 0.5 = 5
      { action: 8, ageDays: 14, count: 1 }, // 8 × 0.25 = 2
    ];
    const chat = { customerMessages: 3, repMessages: 5 }; // 2 × 3 + min(5, 3) = 9
    expect(aiPrBreakdown(tallies, chat)).toEqual({ actionPoints: 13, chatPoints: 9, raw: 22, score: 36 });
  });

  it('caps one kind of action at 3 × its weight: ten calls today count 36, not 120 → 51', () => {
    expect(actionPoints([{ action: 10, ageDays: 0, count: 10 }])).toBe(36);
    expect(aiPrScore([{ action: 10, ageDays: 0, count: 10 }])).toBe(51);
  });

  it('ignores actions outside the 30-day window and unknown codes', () => {
    expect(actionPoints([{ action: 9, ageDays: 30, count: 5 }, { action: 99, ageDays: 0, count: 5 }])).toBe(0);
  });

  it('scores chat as 2 per customer message plus answered rep messages, capped at 20', () => {
    expect(chatPoints({ customerMessages: 2, repMessages: 0 })).toBe(4);
    expect(chatPoints({ customerMessages: 2, repMessages: 9 })).toBe(6);
    expect(chatPoints({ customerMessages: 50, repMessages: 50 })).toBe(20);
  });

  it('never exceeds 100', () => {
    const everything = [1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16].map((action) => ({ action, ageDays: 0, count: 100 }));
    const b = aiPrBreakdown(everything, { customerMessages: 100, repMessages: 100 });
    expect(b.raw).toBe(3 * 78 + 20);
    expect(b.score).toBe(99);
  });
});
