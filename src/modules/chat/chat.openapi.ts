import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';

/** Response examples for Swagger readers (the wire shapes of API.md §4–5). */
const customerItem = {
  id: 31,
  customer_id: 1,
  user_id: 1,
  user_avator: 'http://shp.qpic.cn/bizmp/avatar/',
  user_avatar: 'http://shp.qpic.cn/bizmp/avatar/',
  customer_headimgurl: 'https://wx.qlogo.cn/mmopen/head/132',
  customer: '_zzz จุ๊บ',
  dateTime: '2018-09-21T15:18:01.548',
  send_type: 1,
  is_first_info: false,
  info_type: 1,
  msg: '这个信息是文字\\表情',
};
const repItem = {
  id: 32,
  customer_id: 1,
  user_id: 1,
  customer_avatar: 'https://wx.qlogo.cn/mmopen/head/132',
  src: 'https://wx.qlogo.cn/mmopen/head/132',
  name: '_zzz จุ๊บ',
  dateTime: '2018-09-21T15:18:01.548',
  send_type: 2,
  is_first_info: false,
  info_type: 2,
  product_cover_url: 'statics/zhugeleida/imgs/chat/p.png',
  product_name: '产品名字',
  product_price: '产品价格',
};
const withFrom = (item: Record<string, unknown>, from: string) => {
  const { id, customer_id, ...rest } = item;
  return { id, customer_id, from_user_name: from, ...rest };
};

const example = (value: unknown) => ApiOkResponse({ description: 'Always HTTP 200; see `code`.', schema: { example: value } });

export const ChatExamples = {
  send: () => example({ code: 200, msg: 'send msg successful', data: { id: 31 } }),
  customerGetmsg: () => example({ code: 200, msg: '实时获取-最新聊天信息成功', data: { ret_data: [customerItem], data_count: 1 } }),
  customerHistory: () =>
    example({
      code: 200,
      msg: '分页获取-全部聊天消息成功',
      data: { ret_data: [withFrom(customerItem, '张聪')], mingpian_phone: '18932674288', wechat: '18866554433', data_count: 1 },
    }),
  queryNum: () => example({ code: 200, msg: '查询成功', data: { chatinfo_count: 1 } }),
  repGetmsg: () => example({ code: 200, msg: '实时获取-最新聊天信息成功', data: { ret_data: [repItem], data_count: 1 } }),
  repHistory: () => example({ code: 200, msg: '分页获取-全部聊天消息成功', data: { ret_data: [withFrom(repItem, '_zzz จุ๊บ')], data_count: 1 } }),
  contact: () =>
    example({
      code: 200,
      msg: '查询成功',
      data: { ret_data: [{ customer_id: 1, src: 'https://wx.qlogo.cn/mmopen/head/132', name: '_zzz จุ๊บ', dateTime: '15:18', msg: '向您咨询:产品名字', count: 2 }], data_count: 1, unread_msg_num: 2 },
    }),
};

/**
 * `current_page` / `length` for Swagger: PageQueryDto lives outside the files the Swagger
 * plugin reads (*.dto.ts), so list routes name the two parameters themselves.
 */
export const ApiPageQuery = (defaultLength: number) =>
  applyDecorators(
    ApiQuery({ name: 'current_page', required: false, schema: { type: 'integer', minimum: 1, default: 1 }, description: 'Page number, from 1.' }),
    ApiQuery({
      name: 'length',
      required: false,
      schema: { type: 'integer', minimum: 0, maximum: 100, default: defaultLength },
      description: 'Items per page (1..100); 0 means all (at most 1000).',
    }),
  );
