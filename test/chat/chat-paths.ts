/** Chat routes under test (API.md §4, §5). */
export const C = {
  send: '/zhugeleida/gongzhonghao/chat/send_msg/0',
  getmsg: '/zhugeleida/gongzhonghao/chat/getmsg/0',
  history: '/zhugeleida/gongzhonghao/chat',
  queryNum: '/zhugeleida/gongzhonghao/chat/query_num/0',
};

export const R = {
  send: '/zhugeleida/qiyeweixin/chat/send_msg/0',
  getmsg: '/zhugeleida/qiyeweixin/chat/getmsg/0',
  history: '/zhugeleida/qiyeweixin/chat',
  contact: '/zhugeleida/qiyeweixin/contact',
  queryNum: '/zhugeleida/qiyeweixin/contact/query_num',
};

export const text = (msg: string) => ({ info_type: 1, msg });
