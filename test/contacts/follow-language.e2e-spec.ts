import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

/**
 * follow_language (issue 12): a rep's follow-up phrases and the company-wide ones. Expected
 * bodies written from the legacy view (views_dir/qiyeweixin/follow_language.py): the list is
 * `{data_count, ret_data: {user_id, follow_language_data: [{language_id, user_id, language}]}}`
 * with an empty msg; add answers `{language_id}` (添加成功) or 301 with the field errors in msg;
 * delete answers 删除成功, or 302 ID不存在或者不允许删除 for anything but the rep's own phrase.
 */
const Q = '/zhugeleida/qiyeweixin/follow_language';

describe('follow_language', () => {
  let t: TestApp;
  let w: World;
  let companyPhraseId: number;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    companyPhraseId = w.companyId + 500;
    await t.importFixture({
      follow_languages: [
        { id: companyPhraseId, company_id: w.companyId, language: '您好,我是您的专属顾问' },
        { id: companyPhraseId + 1, company_id: w.otherCompanyId, language: 'another company' },
      ],
    });
  });
  afterAll(async () => t.close());

  it('adds the rep\'s phrases (form and JSON) and lists them with the company-wide ones, newest first', async () => {
    const rep = w.reps[0];
    const form = await t.post(`${Q}/add/0`, rep, { custom_language: '  方案考虑得怎么样了?  ' });
    expect(form.body).toEqual({ code: 200, msg: '添加成功', data: { language_id: expect.any(Number) } });
    const json = await t.post(`${Q}/add/0`, rep, { custom_language: '明天给您回电' }, 'json');
    expect(json.body.code).toBe(200);
    const list = await t.get(Q, rep);
    expect(list.body).toEqual({
      code: 200,
      msg: '',
      data: {
        data_count: 3,
        ret_data: {
          user_id: rep.id,
          follow_language_data: [
            { language_id: json.body.data.language_id, user_id: rep.id, language: '明天给您回电' },
            { language_id: form.body.data.language_id, user_id: rep.id, language: '方案考虑得怎么样了?' },
            { language_id: companyPhraseId, user_id: null, language: '您好,我是您的专属顾问' },
          ],
        },
      },
    });
    const page = await t.get(Q, rep, { current_page: 2, length: 2 });
    expect(page.body.data).toEqual({ data_count: 1, ret_data: { user_id: rep.id, follow_language_data: [expect.objectContaining({ language_id: companyPhraseId })] } });
  });

  it("keeps a rep's phrases to that rep and a company's to that company", async () => {
    await t.post(`${Q}/add/0`, w.reps[0], { custom_language: 'rep 0 only' });
    const other = await t.get(Q, w.reps[1], { length: 0 });
    const languages = other.body.data.ret_data.follow_language_data.map((p: { language: string }) => p.language);
    expect(languages).toEqual(['您好,我是您的专属顾问']);
    const outsider = await t.get(Q, w.outsiderRep, { length: 0 });
    expect(outsider.body.data.ret_data.follow_language_data.map((p: { language: string }) => p.language)).toEqual(['another company']);
  });

  it('refuses an empty or over-long phrase with 301 and the field errors in msg', async () => {
    const rep = w.reps[1];
    expect((await t.post(`${Q}/add/0`, rep, { custom_language: '   ' })).body).toEqual({
      code: 301,
      msg: { custom_language: [{ message: '这个字段是必填项。', code: 'required' }] },
      data: {},
    });
    expect((await t.post(`${Q}/add/0`, rep, { custom_language: '长'.repeat(257) })).body).toEqual({
      code: 301,
      msg: { custom_language: [{ message: '长度超出限制。', code: 'too_long' }] },
      data: {},
    });
    expect((await t.get(Q, rep, { length: 0 })).body.data.data_count).toBe(1);
  });

  it("deletes only the rep's own phrase; a company-wide, another rep's or another company's answers 302 and stays", async () => {
    const [rep0, rep1] = w.reps;
    const own = (await t.post(`${Q}/add/0`, rep1, { custom_language: '删掉我' })).body.data.language_id;
    const notMine = (await t.post(`${Q}/add/0`, rep0, { custom_language: 'not rep 1\'s' })).body.data.language_id;
    const refused = { code: 302, msg: 'ID不存在或者不允许删除', data: {} };
    expect((await t.post(`${Q}/delete/${companyPhraseId}`, rep1, {})).body).toEqual(refused);
    expect((await t.post(`${Q}/delete/${notMine}`, rep1, {})).body).toEqual(refused);
    expect((await t.post(`${Q}/delete/${companyPhraseId + 1}`, w.outsiderRep, {})).body).toEqual(refused);
    expect((await t.post(`${Q}/delete/${own}`, rep1, {})).body).toEqual({ code: 200, msg: '删除成功', data: {} });
    expect((await t.post(`${Q}/delete/${own}`, rep1, {})).body).toEqual(refused);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM follow_language WHERE id = ANY($1)`, [[companyPhraseId, companyPhraseId + 1, notMine]]);
    expect(n).toBe(3);
    expect((await t.post(`${Q}/delete/abc`, rep1, {})).body.code).toBe(402);
  });
});
