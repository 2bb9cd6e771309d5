import type { Tx } from '../../database/transaction-runner';

/**
 * The interfaces the ActionLog module owns and other modules call (bound by ActionLogModule,
 * which is global), so Chat and Customer depend on these contracts, not on ActionLog's classes.
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

/**
 * One customer's ai_pr computed inside another module's statement, so that a page showing it
 * (the customer profile) costs one round trip. The statement binds $1 company, $2 rep and
 * $3 customer; `sql` is one select-list item reading those and the parameters from `first` on.
 */
export interface AiPrColumn {
  /** A select-list item named "aiPrInputs". */
  sql: string;
  /** The values of the parameters from `first` on, as of now. */
  values(): unknown[];
  /** The score from the row's "aiPrInputs". */
  score(inputs: unknown): number;
}

/** ai_pr (API.md §6.8): the engagement score 0..100 of customers with one rep. */
export abstract class AiPrScorer {
  abstract scores(companyId: number, repId: number, customerIds: number[]): Promise<Map<number, number>>;
  /** The same score for one customer, as a column of the caller's statement. */
  abstract oneCustomerColumn(first: number): AiPrColumn;
}

/** Chat engagement per customer with one rep since an instant (implemented by the Chat module). */
export interface ChatEngagement {
  /** Messages the customer sent to the rep since `since`. */
  customerMessages: number;
  /** Messages the rep sent to the customer since `since`. */
  repMessages: number;
}

/**
 * Bound by ChatModule; ActionLog resolves it lazily (ModuleRef, strict: false) for ai_pr, so the
 * two modules do not import each other.
 */
export abstract class ChatEngagementSource {
  /**
   * Counts per side are exact up to `cap` (a score that saturates never needs more), so the
   * cost stays bounded however long a conversation is.
   */
  abstract engagement(companyId: number, repId: number, customerIds: number[], since: Date, cap?: number): Promise<Map<number, ChatEngagement>>;
  /**
   * The same counts for customer $3 of rep $2 in company $1, as one SQL expression for
   * AiPrScorer.oneCustomerColumn: a JSON array [customer messages, rep messages], or null
   * without a conversation. `since` and `cap` are SQL expressions.
   */
  abstract oneCustomerColumn(since: string, cap: string): string;
}
