import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { ActionTally, AI_PR_CHAT_CAP, AI_PR_WINDOW_DAYS, aiPrScore } from './ai-pr';
import { AiPrScorer, ChatEngagement, ChatEngagementSource } from './radar-ports';

/**
 * AiPrScorer port: gathers the inputs of the ai_pr formula (ai-pr.ts, docs/ai-pr.md) for a
 * batch of customers with two bounded queries: the radar actions of the last 30 local days
 * (served by radar_action_rep_customer_time_idx, never the whole log) and the chat engagement
 * over the same window from the Chat module, when it is part of the build.
 */
@Injectable()
export class AiPrScorerService implements AiPrScorer {
  private readonly logger = new Logger('AiPrScorer');
  private chatSource: ChatEngagementSource | null | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  async scores(companyId: number, repId: number, customerIds: number[]): Promise<Map<number, number>> {
    const ids = [...new Set(customerIds)];
    if (!ids.length) return new Map();
    const now = this.clock.now();
    const tz = this.clock.timeZone;

    // Start of the local day AI_PR_WINDOW_DAYS - 1 days ago: the window is whole calendar days.
    const [{ since }] = await this.dataSource.query(
      `SELECT (date_trunc('day', $1::timestamptz AT TIME ZONE $2) - make_interval(days => $3)) AT TIME ZONE $2 AS since`,
      [now, tz, AI_PR_WINDOW_DAYS - 1],
    );
    const rows: { customer_id: number; action: number; age_days: number; n: number }[] = await this.dataSource.query(
      `SELECT customer_id, action, (($4::timestamptz AT TIME ZONE $6)::date - (created_at AT TIME ZONE $6)::date) AS age_days, count(*)::int AS n
         FROM radar_action
        WHERE company_id = $1 AND rep_id = $2 AND customer_id = ANY($3::int[]) AND created_at >= $5 AND created_at <= $4
        GROUP BY 1, 2, 3`,
      [companyId, repId, ids, now, since, tz],
    );
    const tallies = new Map<number, ActionTally[]>();
    for (const r of rows) {
      const list = tallies.get(r.customer_id) ?? [];
      list.push({ action: r.action, ageDays: r.age_days, count: r.n });
      tallies.set(r.customer_id, list);
    }

    const chat = await this.chatEngagement(companyId, repId, ids, new Date(since));
    return new Map(ids.map((id) => [id, aiPrScore(tallies.get(id) ?? [], chat.get(id))]));
  }

  private async chatEngagement(companyId: number, repId: number, ids: number[], since: Date): Promise<Map<number, ChatEngagement>> {
    const source = this.resolveChatSource();
    return source ? source.engagement(companyId, repId, ids, since, AI_PR_CHAT_CAP) : new Map();
  }

  /** Resolved lazily: ChatModule binds it; a build without Chat scores actions only. */
  private resolveChatSource(): ChatEngagementSource | null {
    if (this.chatSource === undefined) {
      try {
        this.chatSource = this.moduleRef.get(ChatEngagementSource, { strict: false });
      } catch {
        this.logger.warn('no ChatEngagementSource bound: ai_pr uses radar actions only');
        this.chatSource = null;
      }
    }
    return this.chatSource ?? null;
  }
}
