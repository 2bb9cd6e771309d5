import type { ChatEngagement } from './radar-ports';
import { radarActionKind } from './radar-actions';

/**
 * ai_pr (API.md §6.8, docs/ai-pr.md): a deterministic engagement score 0..100 of one customer
 * with one rep. Pure: the scorer service gathers the inputs with two bounded, indexed queries.
 */

/** Only actions of the last WINDOW_DAYS local calendar days count (age 0 = today). */
export const AI_PR_WINDOW_DAYS = 30;
/** An action loses half its weight every HALF_LIFE_DAYS days. */
export const AI_PR_HALF_LIFE_DAYS = 7;
/** One kind of action contributes at most CAP_MULTIPLE times its weight (repetition saturates). */
export const AI_PR_CAP_MULTIPLE = 3;
/** Chat engagement contributes at most this many points. */
export const AI_PR_CHAT_CAP = 20;
/** Raw points giving 1 − 1/e ≈ 63 %; the curve approaches 100 and never exceeds it. */
export const AI_PR_SCALE = 50;

/** How many actions of one kind a customer did on one day (`ageDays` calendar days ago). */
export interface ActionTally {
  action: number;
  ageDays: number;
  count: number;
}

export interface AiPrBreakdown {
  actionPoints: number;
  chatPoints: number;
  raw: number;
  score: number;
}

export function decay(ageDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / AI_PR_HALF_LIFE_DAYS);
}

/** Σ over action kinds of min(Σ weight × count × decay, CAP_MULTIPLE × weight). */
export function actionPoints(tallies: readonly ActionTally[]): number {
  const perAction = new Map<number, number>();
  for (const t of tallies) {
    const weight = radarActionKind(t.action)?.weight ?? 0;
    if (!weight || t.ageDays >= AI_PR_WINDOW_DAYS || t.count <= 0) continue;
    perAction.set(t.action, (perAction.get(t.action) ?? 0) + weight * t.count * decay(t.ageDays));
  }
  let total = 0;
  for (const [action, points] of perAction) total += Math.min(points, AI_PR_CAP_MULTIPLE * radarActionKind(action)!.weight);
  return total;
}

/**
 * 2 points per customer message, plus 1 per rep message answered by the customer (a rep who
 * talks alone raises nothing), capped at CHAT_CAP.
 */
export function chatPoints(chat: ChatEngagement | null | undefined): number {
  if (!chat) return 0;
  const customer = Math.max(0, chat.customerMessages);
  const rep = Math.max(0, chat.repMessages);
  return Math.min(AI_PR_CHAT_CAP, 2 * customer + Math.min(rep, customer));
}

export function aiPrBreakdown(tallies: readonly ActionTally[], chat?: ChatEngagement | null): AiPrBreakdown {
  const a = actionPoints(tallies);
  const c = chatPoints(chat);
  const raw = a + c;
  const score = Math.min(100, Math.max(0, Math.round(100 * (1 - Math.exp(-raw / AI_PR_SCALE)))));
  return { actionPoints: a, chatPoints: c, raw, score };
}

export function aiPrScore(tallies: readonly ActionTally[], chat?: ChatEngagement | null): number {
  return aiPrBreakdown(tallies, chat).score;
}
