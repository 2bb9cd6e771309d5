import type { Tx } from '../../database/transaction-runner';

/**
 * The interfaces the ActionLog module owns and other modules call (bound by ActionLogModule,
 * which is global). Callers inject them with @Optional() so a build without ActionLog still
 * starts; with ActionLog present they are always bound.
 */
export interface RadarActionInput {
  companyId: number;
  repId: number;
  customerId: number;
  /** Action code from the catalogue (API.md §6.10), e.g. 7 咨询产品. */
  action: number;
  productName?: string | null;
  articleId?: number | null;
  title?: string | null;
}

/** Records a radar action inside the caller's transaction (the push goes out after commit). */
export abstract class RadarActionRecorder {
  abstract record(tx: Tx, input: RadarActionInput): Promise<void>;
}

/** ai_pr (API.md §6.8): the engagement score 0..100 of customers with one rep. */
export abstract class AiPrScorer {
  abstract scores(companyId: number, repId: number, customerIds: number[]): Promise<Map<number, number>>;
}
