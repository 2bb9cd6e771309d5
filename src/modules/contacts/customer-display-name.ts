/**
 * The name a rep sees for a customer (API.md §6.1): the rep's memo name if set, else the
 * WeChat nickname, else `客户ID<id>`. The one place this rule lives.
 */
export function customerDisplayName(customerId: number, nickname: string | null | undefined, memoName?: string | null): string {
  if (memoName) return memoName;
  if (nickname) return nickname;
  return `客户ID${customerId}`;
}
