import type { Clock } from '../../common/time/clock';
import { customerDisplayName } from '../contacts/customer-display-name';
import { sourceText } from '../contacts/customer-source';
import type { CustomerView } from './customer-profile.service';
import type { CustomerProfileItem } from './dto/customer.response.dto';

/** The `customer` profile item (API.md §6.3). Unset text fields are "" like the brief's sample. */
export function mapCustomerProfile(view: CustomerView, clock: Clock): CustomerProfileItem {
  const { customer, relation } = view;
  return {
    id: customer.id,
    username: customerDisplayName(customer.id, customer.username, relation.memoName),
    headimgurl: customer.headimgurl,
    expected_time: relation.expectedTime,
    expedted_pr: relation.expectedPr,
    ai_pr: view.aiPr,
    superior: view.superior,
    source: sourceText(relation.source),
    memo_name: relation.memoName,
    // The rep's own note wins over what WeChat reports.
    sex: relation.memoSex ?? customer.sex,
    phone: relation.phone ?? '',
    email: relation.email ?? '',
    company: relation.companyName ?? '',
    position: relation.jobPosition ?? '',
    address: relation.address ?? '',
    birthday: relation.birthday ?? '',
    mem: relation.mem ?? '',
    tag: view.tags,
    day_interval: clock.daysSince(customer.createdAt),
  };
}
