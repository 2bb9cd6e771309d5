import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

/**
 * Canned replies (话术库, issue 12). Expected bodies written from the legacy views
 * (views_dir/qiyeweixin/talkGroupManagement.py, speechDetailsManagement.py): code 200, msg
 * 查询成功, data `{otherList, objsCount}`; a group item is `{groupName, userProfile, companyName,
 * createDate}`, a reply `{contentWords, sendNum, talkGroupName, createDate}` (`id` added here);
 * `order` defaults to -createDate; groups are paged, replies are not. Unlike the legacy, a rep
 * sees only their own company's rows.
 */
const GROUPS = '/zhugeleida/qiyeweixin/talkGroupManageShow';
const PHRASES = '/zhugeleida/qiyeweixin/speechDetailsManageShow';

describe('canned replies (talkGroupManageShow, speechDetailsManageShow)', () => {
  let t: TestApp;
  let w: World;
  let g: number;
  let created: (table: string, id: number) => Promise<string>;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    g = w.companyId + 600;
    await t.importFixture({
      reply_groups: [
        { id: g, company_id: w.companyId, name: '开场白', owner_name: '管理员' },
        { id: g + 1, company_id: w.companyId, name: '促成交' },
        { id: g + 2, company_id: w.otherCompanyId, name: '开场白 (other company)' },
      ],
      reply_phrases: [
        { id: g + 10, company_id: w.companyId, group_id: g, content: '您好,很高兴为您服务!' },
        { id: g + 11, company_id: w.companyId, group_id: g + 1, content: '今天下单有优惠', send_count: 7 },
        { id: g + 12, company_id: w.companyId, content: '没有分组的话术' },
        { id: g + 13, company_id: w.otherCompanyId, group_id: g + 2, content: 'other company' },
      ],
    });
    created = async (table, id) =>
      (await t.dataSource.query(`SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS at FROM ${table} WHERE id = $1`, [id]))[0].at;
  });
  afterAll(async () => t.close());

  it("lists the company's groups in the legacy shape, newest first, paged", async () => {
    const res = await t.get(GROUPS, w.reps[0]);
    expect(res.body).toEqual({
      code: 200,
      msg: '查询成功',
      data: {
        otherList: [
          { id: g + 1, groupName: '促成交', userProfile: '', companyName: `Company ${w.companyId}`, createDate: await created('reply_group', g + 1) },
          { id: g, groupName: '开场白', userProfile: '管理员', companyName: `Company ${w.companyId}`, createDate: await created('reply_group', g) },
        ],
        objsCount: 2,
      },
    });
    expect((await t.get(GROUPS, w.reps[0], { order: 'createDate' })).body.data.otherList.map((x: { id: number }) => x.id)).toEqual([g, g + 1]);
    // objsCount counts every page, as the legacy's count() before slicing.
    expect((await t.get(GROUPS, w.reps[0], { current_page: 2, length: 1 })).body.data).toEqual({ otherList: [expect.objectContaining({ id: g })], objsCount: 2 });
    expect((await t.get(GROUPS, w.reps[0], { groupName: '成交' })).body.data).toEqual({ otherList: [expect.objectContaining({ id: g + 1 })], objsCount: 1 });
    expect((await t.get(GROUPS, w.reps[0], { id: g })).body.data.otherList.map((x: { id: number }) => x.id)).toEqual([g]);
  });

  it("lists the company's replies with their group's name, all of them, filtered by group name", async () => {
    const res = await t.get(PHRASES, w.reps[1]);
    expect(res.body).toEqual({
      code: 200,
      msg: '查询成功',
      data: {
        otherList: [
          { id: g + 12, contentWords: '没有分组的话术', sendNum: 0, talkGroupName: '', createDate: await created('reply_phrase', g + 12) },
          { id: g + 11, contentWords: '今天下单有优惠', sendNum: 7, talkGroupName: '促成交', createDate: await created('reply_phrase', g + 11) },
          { id: g + 10, contentWords: '您好,很高兴为您服务!', sendNum: 0, talkGroupName: '开场白', createDate: await created('reply_phrase', g + 10) },
        ],
        objsCount: 3,
      },
    });
    expect((await t.get(PHRASES, w.reps[1], { talkGroupName: '开场' })).body.data).toEqual({ otherList: [expect.objectContaining({ id: g + 10 })], objsCount: 1 });
    expect((await t.get(PHRASES, w.reps[1], { id: g + 11, order: 'createDate' })).body.data.objsCount).toBe(1);
  });

  it("never shows another company's groups or replies, even asked by id", async () => {
    const groups = await t.get(GROUPS, w.outsiderRep, { length: 0 });
    expect(groups.body.data.otherList.map((x: { id: number }) => x.id)).toEqual([g + 2]);
    expect((await t.get(GROUPS, w.reps[0], { id: g + 2 })).body.data).toEqual({ otherList: [], objsCount: 0 });
    expect((await t.get(PHRASES, w.reps[0], { id: g + 13 })).body.data).toEqual({ otherList: [], objsCount: 0 });
    expect((await t.get(PHRASES, w.outsiderRep)).body.data.otherList.map((x: { contentWords: string }) => x.contentWords)).toEqual(['other company']);
  });

  it('refuses bad parameters with 402 and the field errors, and a customer token as an unknown user', async () => {
    const bad = await t.get(GROUPS, w.reps[0], { order: 'name' });
    expect(bad.body).toEqual({ code: 402, msg: '请求异常', data: { order: [{ message: '请输入有效的值。', code: 'invalid' }] } });
    expect((await t.get(PHRASES, w.reps[0], { id: 'x' })).body).toEqual({ code: 402, msg: '请求异常', data: { id: [{ message: '请输入有效的值。', code: 'invalid' }] } });
    const customer = await t.get(GROUPS, w.customers[0]);
    expect(customer.body).toEqual({ code: 400, msg: 'token异常', data: { reason: 'unknown_user' } });
  });

  it('refuses a fixture reply whose group belongs to another company', async () => {
    await expect(
      t.importFixture({ reply_phrases: [{ id: g + 20, company_id: w.companyId, group_id: g + 2, content: 'x' }] }),
    ).rejects.toThrow(/reply_group .* does not exist in company/);
  });
});
