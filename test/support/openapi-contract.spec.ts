import { Clock } from '../../src/common/time/clock';
import type { AppConfig } from '../../src/config/app-config';
import { mapContact } from '../../src/modules/contacts/contact-list.mapper';
import type { ContactRow } from '../../src/modules/contacts/contact-list.service';
import { closeObjects, committedContract, ContractViolation } from './openapi-contract';

/**
 * The response check that TestApp runs on every answer (openapi-contract.ts), shown failing:
 * a mapper with one wrong field makes the request that received it fail.
 */
const clock = new Clock({ businessTimezone: 'Asia/Shanghai' } as AppConfig);
const row: ContactRow = {
  customerId: 7,
  nickname: '又胖了',
  headimgurl: 'http://img/7.png',
  memoName: null,
  expectedTime: '2026-12-01',
  expectedPr: 30,
  source: 4,
  lastFollowAt: new Date(),
  lastActivityAt: null,
  articleId: 2,
  title: 'jajjaj',
};
const URL = '/zhugeleida/qiyeweixin/tongxunlu?user_id=1&timestamp=1&rand_str=x';
const JSON_TYPE = 'application/json; charset=utf-8';
const answer = (item: unknown) => ({ code: 200, msg: '查询成功', data: { ret_data: [item], data_count: 1 } });
const check = (body: unknown, status = 200, url = URL) => committedContract().check('GET', url, status, JSON_TYPE, body);

describe('the response contract check (test/support/openapi-contract.ts)', () => {
  it("accepts what the real mapper answers", () => {
    expect(() => check(answer(mapContact(row, clock)))).not.toThrow();
  });

  it('fails on a mapper that renames a field (a missing documented field and an undocumented one)', () => {
    const broken = (r: ContactRow) => {
      const { expedted_pr, ...rest } = mapContact(r, clock);
      return { ...rest, expected_pr: expedted_pr };
    };
    expect(() => check(answer(broken(row)))).toThrow(ContractViolation);
    expect(() => check(answer(broken(row)))).toThrow(/expedted_pr/);
    expect(() => check(answer(broken(row)))).toThrow(/expected_pr/);
  });

  it('fails on a field of the wrong type', () => {
    const wrongType = { ...mapContact(row, clock), expedted_pr: '30' };
    expect(() => check(answer(wrongType))).toThrow(/expedted_pr.*must be number/);
  });

  it('fails on an undocumented code, a wrong msg, and an undocumented HTTP status', () => {
    expect(() => check({ code: 307, msg: '用户-客户关系不存在', data: {} })).toThrow(ContractViolation); // tongxunlu has no 307
    expect(() => check({ ...answer(mapContact(row, clock)), msg: 'ok' })).toThrow(ContractViolation);
    expect(() => check({ code: 200, msg: '查询成功', data: {} }, 201)).toThrow(/status not documented/);
  });

  it('accepts every documented error envelope and the shared ones with their own status', () => {
    expect(() => check({ code: 400, msg: 'token异常', data: { reason: 'expired' } })).not.toThrow();
    expect(() => check({ code: 402, msg: '请求异常', data: { order: [{ message: '不支持的排序方式。', code: 'invalid' }] } })).not.toThrow();
    expect(() => check({ code: 429, msg: '请求过于频繁', data: {} }, 429)).not.toThrow();
    expect(() => check({ code: 500, msg: '服务器内部错误', data: { error_id: '0b0f6f5e-8c1e-4f0e-9a55-2f0c2c5e7d1a' } }, 500)).not.toThrow();
  });

  it('leaves paths the document does not describe alone', () => {
    expect(() => check({ anything: true }, 200, '/health')).not.toThrow();
  });

  it('closes object schemas that list their properties, and only those', () => {
    expect(closeObjects({ type: 'object', properties: { a: { type: 'object', properties: {} } } })).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'object', properties: {}, additionalProperties: false } },
    });
    expect(closeObjects({ type: 'object', additionalProperties: { type: 'string' } })).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
  });
});
