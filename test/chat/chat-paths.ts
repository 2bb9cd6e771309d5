/** Chat routes under test (API.md §4, §5). */
const customerChat = (prefix: string) => ({
  send: `${prefix}/chat/send_msg/0`,
  getmsg: `${prefix}/chat/getmsg/0`,
  history: `${prefix}/chat`,
  queryNum: `${prefix}/chat/query_num/0`,
});

/** The Official Account (公众号) customer chat. */
export const C = customerChat('/zhugeleida/gongzhonghao');

/** The mini-program (小程序) customer chat: the same routes under another prefix (issue 12). */
export const MP = customerChat('/zhugeleida/xiaochengxu');

/** Both customer chats, for the chat tests that run over each (`describe.each`). */
export const CUSTOMER_CHATS = [
  { label: '公众号', C },
  { label: '小程序', C: MP },
];

export const R = {
  send: '/zhugeleida/qiyeweixin/chat/send_msg/0',
  getmsg: '/zhugeleida/qiyeweixin/chat/getmsg/0',
  history: '/zhugeleida/qiyeweixin/chat',
  contact: '/zhugeleida/qiyeweixin/contact',
  queryNum: '/zhugeleida/qiyeweixin/contact/query_num',
};

export const text = (msg: string) => ({ info_type: 1, msg });
