import type { Fixture } from './fixture-importer.service';

/**
 * The demo company loaded by `npm run seed` and on the first start of an empty embedded
 * database. Tokens are public demo values: rotate them (npm run token:rotate) on any
 * deployment that is reachable by others.
 */
export const DEMO_FIXTURE: Fixture = {
  companies: [{ id: 1, name: '合众康桥 (demo)' }],
  reps: [
    { id: 1, company_id: 1, name: '张聪', token: '93b5f91eb56b8a4f8d96b7182920d68d', avatar: 'statics/imgs/setAvator.jpg', mingpian_phone: '18932674288', wechat: '18866554433' },
    { id: 2, company_id: 1, name: '李娜', token: 'a1c9e3f5b7d9e1f3a5c7e9b1d3f5a7c9', avatar: 'statics/imgs/setAvator.jpg', mingpian_phone: '13800000002', wechat: 'lina_sales' },
  ],
  customers: [
    { id: 1, company_id: 1, username: '_zzz จุ๊บ', token: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', headimgurl: 'statics/imgs/setAvator.jpg', sex: 1 },
    { id: 2, company_id: 1, username: '张炬', token: '11223344556677889900aabbccddeeff', headimgurl: 'statics/imgs/setAvator.jpg', sex: 1 },
    { id: 3, company_id: 1, username: '胡蓉💗Rose', token: 'ffeeddccbbaa00998877665544332211', headimgurl: 'statics/imgs/setAvator.jpg', sex: 2 },
  ],
  articles: [{ id: 1, company_id: 1, title: '如何挑选一款靠谱的产品' }],
  relations: [
    { rep_id: 1, customer_id: 1, source: 1, expedted_pr: 80, expected_time: '2026-12-31' },
    { rep_id: 1, customer_id: 2, source: 4, article_id: 1, superior_customer_id: 1, expedted_pr: 30 },
    { rep_id: 1, customer_id: 3, source: 2, superior_customer_id: 2 },
    { rep_id: 2, customer_id: 1, source: 3 },
  ],
  tags: [
    { id: 1, company_id: 1, name: '重要客户' },
    { id: 2, company_id: 1, name: '一般客户' },
    { id: 3, company_id: 1, name: '在意质量' },
    { id: 4, company_id: 1, name: '90后' },
  ],
  customer_tags: [
    { customer_id: 1, tag_id: 1 },
    { customer_id: 1, tag_id: 3 },
    { customer_id: 2, tag_id: 2 },
    { customer_id: 3, tag_id: 4 },
  ],
  // The radar of rep 1 (张聪): what the demo customers did (docs/radar-actions.md).
  actions: [
    { rep_id: 1, customer_id: 2, action: 1, create_date: '2026-11-25T10:02:12+08:00' },
    { rep_id: 1, customer_id: 2, action: 2, product_name: '智能手环', create_date: '2026-11-25T10:03:29+08:00' },
    { rep_id: 1, customer_id: 1, action: 1, create_date: '2026-11-26T14:01:34+08:00' },
    { rep_id: 1, customer_id: 1, action: 7, product_name: '智能手环', create_date: '2026-11-26T14:05:00+08:00' },
    { rep_id: 1, customer_id: 3, action: 14, article_id: 1, title: '如何挑选一款靠谱的产品', create_date: '2026-11-27T09:30:00+08:00' },
    { rep_id: 1, customer_id: 3, action: 15, article_id: 1, title: '如何挑选一款靠谱的产品', create_date: '2026-11-27T09:31:10+08:00' },
    { rep_id: 1, customer_id: 1, action: 9, create_date: '2026-11-27T20:15:00+08:00' },
    { rep_id: 1, customer_id: 1, action: 8, create_date: '2026-11-28T09:10:00+08:00' },
    { rep_id: 2, customer_id: 1, action: 1, create_date: '2026-11-27T11:00:00+08:00' },
  ],
  messages: [
    { rep_id: 1, customer_id: 1, send_type: 2, content: { info_type: 1, msg: '你好,想了解一下你们的产品' }, create_date: '2026-11-27T01:30:00.000Z' },
    { rep_id: 1, customer_id: 1, send_type: 1, content: { info_type: 1, msg: '您好!很高兴为您服务,请问您关注哪款产品?' }, create_date: '2026-11-27T01:31:12.000Z' },
    {
      rep_id: 1,
      customer_id: 1,
      send_type: 2,
      content: { info_type: 2, product_cover_url: 'statics/zhugeleida/imgs/chat/product.png', product_name: '雷达AI名片', product_price: '998' },
      create_date: '2026-11-27T01:32:40.000Z',
    },
    { rep_id: 1, customer_id: 1, send_type: 1, content: { info_type: 3, msg: '' }, create_date: '2026-11-27T01:33:05.000Z' },
    { rep_id: 1, customer_id: 2, send_type: 2, content: { info_type: 4, url: 'statics/zhugeleida/imgs/chat/screenshot.png' }, create_date: '2026-11-28T00:05:00.000Z' },
  ],
};

/** The principals whose signed example URLs are printed after seeding. */
export const DEMO_EXAMPLE = { repId: 1, customerId: 1 };
