export const PROFILE_EXAMPLE = {
  code: 200,
  msg: '查询成功',
  data: {
    ret_data: [
      {
        id: 2,
        username: '张炬[客户2]',
        headimgurl: 'statics/imgs/setAvator.jpg',
        expected_time: '2018-06-14',
        expedted_pr: 80,
        ai_pr: 80,
        superior: '张聪[客户1]',
        source: '扫码',
        memo_name: null,
        sex: 1,
        phone: '',
        email: '',
        company: '',
        position: '',
        address: '',
        birthday: '',
        mem: '',
        tag: ['在意质量', '一般客户'],
        day_interval: 3,
      },
    ],
    data_count: 1,
  },
};

export const TAG_LIST_EXAMPLE = {
  code: 200,
  msg: '查询成功',
  data: {
    ret_data: [
      { id: 1, name: '重要客户', is_select: true },
      { id: 2, name: '一般客户', is_select: false },
    ],
    data_count: 2,
  },
};

export const TAG_ADDED_EXAMPLE = { code: 200, msg: '添加成功', data: { id: 3, name: '爱撸串' } };
