import { signQuery } from '../../common/auth/signature';
import { SURFACE_PREFIX } from '../../common/auth/surface.decorators';

/** Ready-to-use signed example URLs for one rep and one customer (signed now). */
export function exampleUrls(baseUrl: string, rep: { id: number; token: string }, customer: { id: number; token: string }, now = Date.now()) {
  return {
    rep_contacts: `${baseUrl}/${SURFACE_PREFIX.rep}/tongxunlu?${signQuery(rep.id, rep.token, now)}`,
    customer_unread: `${baseUrl}/${SURFACE_PREFIX.customer}/chat/query_num/0?${signQuery(customer.id, customer.token, now)}&u_id=${rep.id}`,
    docs: `${baseUrl}/docs`,
  };
}
