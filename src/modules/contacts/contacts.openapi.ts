import { ApiOkResponse } from '@nestjs/swagger';

/** Documents a legacy envelope answer (always HTTP 200) by example, with the other codes listed. */
export const ApiEnvelope = (example: object, otherCodes: string) =>
  ApiOkResponse({ description: `The envelope; other codes: ${otherCodes}.`, schema: { type: 'object', example } });

export const CONTACT_LIST_EXAMPLE = {
  code: 200,
  msg: '查询成功',
  data: {
    ret_data: [
      {
        customer_id: 886,
        customer_username: '又胖了',
        headimgurl: 'http://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfT/132',
        expected_time: null,
        expedted_pr: 0,
        source: 4,
        source_text: '公众号文章',
        last_follow_time: '今天',
        last_activity_time: '',
        follow_status: '今天跟进',
        article_id: 2,
        title: 'jajjaj',
      },
    ],
    data_count: 21,
  },
};

export const FOLLOW_LIST_EXAMPLE = {
  code: 200,
  msg: '查询成功',
  data: {
    ret_data: [{ id: 12, user_id: 1, customer_id: 2, follow_info: '更新预计成交率为: 80', create_date: '2026-11-28T10:03:29' }],
    data_count: 1,
  },
};

export const ADDED_EXAMPLE = { code: 200, msg: '添加成功', data: {} };
