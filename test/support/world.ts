import { randomToken, Signer, TestApp } from './test-app';

export interface World {
  companyId: number;
  otherCompanyId: number;
  /** reps[0] and reps[1] in the company; reps[0] has relations with customers[0..2]. */
  reps: Signer[];
  customers: Signer[];
  /** A rep and a customer of another company, related to each other. */
  outsiderRep: Signer;
  outsiderCustomer: Signer;
  articleId: number;
}

/**
 * A small tenant with unique ids for one test file: two reps, three customers related to
 * rep 0 (customer 0 also to rep 1), an article, and a second company with its own pair.
 */
export async function createWorld(t: TestApp): Promise<World> {
  const base = await t.idBlock();
  const companyId = base;
  const otherCompanyId = base + 1;
  const reps = [0, 1].map((i) => ({ id: base + 10 + i, token: randomToken() }));
  const customers = [0, 1, 2].map((i) => ({ id: base + 20 + i, token: randomToken() }));
  const outsiderRep = { id: base + 30, token: randomToken() };
  const outsiderCustomer = { id: base + 31, token: randomToken() };
  const articleId = base + 40;
  await t.importFixture({
    companies: [
      { id: companyId, name: `Company ${companyId}` },
      { id: otherCompanyId, name: `Other ${otherCompanyId}` },
    ],
    reps: [
      ...reps.map((r, i) => ({ id: r.id, company_id: companyId, name: `Rep${i}`, token: r.token, avatar: `http://img/rep${i}.png`, mingpian_phone: `1380000000${i}`, wechat: `wx_rep${i}` })),
      { id: outsiderRep.id, company_id: otherCompanyId, name: 'Outsider rep', token: outsiderRep.token },
    ],
    customers: [
      ...customers.map((c, i) => ({ id: c.id, company_id: companyId, username: `Customer${i}`, token: c.token, headimgurl: `http://img/c${i}.png`, sex: 1 })),
      { id: outsiderCustomer.id, company_id: otherCompanyId, username: 'Outsider customer', token: outsiderCustomer.token },
    ],
    articles: [{ id: articleId, company_id: companyId, title: 'An article' }],
    relations: [
      { rep_id: reps[0].id, customer_id: customers[0].id, source: 1 },
      { rep_id: reps[0].id, customer_id: customers[1].id, source: 4, article_id: articleId, superior_customer_id: customers[0].id },
      { rep_id: reps[0].id, customer_id: customers[2].id, source: 2 },
      { rep_id: reps[1].id, customer_id: customers[0].id, source: 3 },
      { rep_id: outsiderRep.id, customer_id: outsiderCustomer.id, source: 1 },
    ],
  });
  return { companyId, otherCompanyId, reps, customers, outsiderRep, outsiderCustomer, articleId };
}
