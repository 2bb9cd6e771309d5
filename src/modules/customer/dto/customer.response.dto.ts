import { ApiProperty } from '@nestjs/swagger';

/** The customer as the signed-in rep sees them (API.md §6.3); memo fields are per rep. */
export class CustomerProfileItem {
  id!: number;

  /** Memo name, nickname or 客户ID<id>. */
  username!: string;

  headimgurl!: string;

  /** Expected close date `YYYY-MM-DD`, or null when unset. */
  expected_time!: string | null;

  /** Expected close probability 0–100 (sic: the legacy spelling). */
  expedted_pr!: number;

  /** The computed close probability 0–100 (docs/ai-pr.md). */
  ai_pr!: number;

  /** The referrer's name as this rep sees them, or null. */
  superior!: string | null;

  /** The source's Chinese label ('' outside the catalogue). */
  source!: string;

  /** The rep's memo name, or null. */
  memo_name!: string | null;

  /** 1 male, 2 female, 0 or null unknown (the rep's memo wins over WeChat's). */
  sex!: number | null;

  phone!: string;

  email!: string;

  company!: string;

  position!: string;

  address!: string;

  /** `YYYY-MM-DD` or ''. */
  birthday!: string;

  /** The rep's remarks. */
  mem!: string;

  /** Names of the tags the customer carries. */
  @ApiProperty({ type: [String] })
  tag!: string[];

  /** Calendar days since the customer first appeared. */
  day_interval!: number;
}

/** The profile answer: one item. */
export class CustomerProfileList {
  @ApiProperty({ type: [CustomerProfileItem] })
  ret_data!: CustomerProfileItem[];

  /** Always 1. */
  data_count!: number;
}

/** A company tag and whether the customer carries it. */
export class TagChoice {
  id!: number;

  name!: string;

  is_select!: boolean;
}

/** The company's tags for one customer. */
export class TagChoiceList {
  @ApiProperty({ type: [TagChoice] })
  ret_data!: TagChoice[];

  /** All of the company's tags. */
  data_count!: number;
}

/** A tag: the one created (or reused) by add_tag. */
export class TagItem {
  id!: number;

  name!: string;
}

/** A customer carrying a tag, as the rep sees them. */
export class TaggedCustomer {
  id!: number;

  headimgurl!: string;

  /** The display name this rep sees. */
  name!: string;
}

/** A tag with the rep's customers who carry it (legacy tag_customer item). */
export class TagWithCustomers {
  id!: number;

  name!: string;

  /** The same as id (legacy). */
  tag_id!: number;

  customer_num!: number;

  @ApiProperty({ type: [TaggedCustomer] })
  customer_list!: TaggedCustomer[];
}

/** tag_customer: tags with the most customers first (only tags the rep's customers carry). */
export class TagCustomerList {
  @ApiProperty({ type: [TagWithCustomers] })
  ret_data!: TagWithCustomers[];

  /** How many tags ret_data holds. */
  ret_count!: number;
}
