/**
 * The radar action catalogue (API.md §6.10): the one table of action codes, their names and
 * the standard remark a rep reads after the customer's display name (the brief's
 * `张聪觉得靠谱`, `张聪访问了产品`). Documented in docs/radar-actions.md; keep both in step.
 *
 * `remark` may contain `{target}`: replaced by `《name》` when the action names a product
 * (product_name) or an article (title), removed otherwise.
 */
export interface RadarActionKind {
  code: number;
  /** Short name (the legacy action label), used by the summaries. */
  name: string;
  remark: string;
  /** How much one such action says about buying intent (ai_pr, docs/ai-pr.md). */
  weight: number;
  /** Which request field names the target shown in the remark, if any. */
  target?: 'product_name' | 'title';
}

export const RADAR_ACTIONS: readonly RadarActionKind[] = [
  { code: 1, weight: 3, name: '查看名片', remark: '访问了您的名片' },
  { code: 2, weight: 4, name: '查看产品', remark: '访问了产品{target}', target: 'product_name' },
  { code: 4, weight: 3, name: '查看官网', remark: '访问了您的官网' },
  { code: 5, weight: 8, name: '复制微信', remark: '复制了您的微信' },
  { code: 6, weight: 6, name: '转发名片', remark: '转发了您的名片' },
  { code: 7, weight: 10, name: '咨询产品', remark: '咨询了产品{target}', target: 'product_name' },
  { code: 8, weight: 8, name: '保存电话', remark: '保存了您的电话' },
  { code: 9, weight: 8, name: '觉得靠谱', remark: '觉得靠谱' },
  { code: 10, weight: 12, name: '拨打电话', remark: '拨打了您的电话' },
  { code: 12, weight: 6, name: '复制邮箱', remark: '复制了您的邮箱' },
  { code: 14, weight: 2, name: '查看文章', remark: '访问了文章{target}', target: 'title' },
  { code: 15, weight: 4, name: '转发文章到朋友', remark: '转发了文章{target}给朋友', target: 'title' },
  { code: 16, weight: 4, name: '转发文章到朋友圈', remark: '转发了文章{target}到朋友圈', target: 'title' },
];

export const RADAR_ACTION_CODES: readonly number[] = RADAR_ACTIONS.map((a) => a.code);

const BY_CODE = new Map(RADAR_ACTIONS.map((a) => [a.code, a]));

export function radarActionKind(code: number): RadarActionKind | undefined {
  return BY_CODE.get(code);
}

export interface RadarTarget {
  productName?: string | null;
  title?: string | null;
}

/** The standard remark for an action on a target, e.g. `咨询了产品《智能手环》`. */
export function standardRemark(code: number, target: RadarTarget = {}): string {
  const kind = BY_CODE.get(code);
  if (!kind) throw new Error(`unknown radar action ${code}`);
  const name = kind.target === 'product_name' ? target.productName : kind.target === 'title' ? target.title : null;
  return kind.remark.replace('{target}', name ? `《${name}》` : '');
}

/** The radar line a rep reads: the customer's display name followed by the remark. */
export function radarLog(displayName: string, remark: string): string {
  return `${displayName}${remark}`;
}
