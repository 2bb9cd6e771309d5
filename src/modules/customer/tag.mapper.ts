import type { TagCustomerList } from './dto/customer.response.dto';
import type { TagGroupOfCustomers } from './tag.service';

/** The legacy tag_customer answer: each tag twice-named (`id` and `tag_id`) with its customers, then `ret_count`. */
export function mapTagsWithCustomers(groups: TagGroupOfCustomers[]): TagCustomerList {
  return {
    ret_data: groups.map((g) => ({
      id: g.id,
      name: g.name,
      tag_id: g.id,
      customer_num: g.customers.length,
      customer_list: g.customers.map((c) => ({ id: c.id, headimgurl: c.headimgurl, name: c.displayName })),
    })),
    ret_count: groups.length,
  };
}
