/**
 * The Swagger tags: exactly one per area (issue 6). Controllers pass one of these to
 * `@CustomerController(path, tag)` / `@RepController(path, tag)`; the en dash is deliberate.
 */
export const API_TAGS = {
  chatCustomer: 'Chat – customer',
  chatMiniProgram: 'Chat – mini-program',
  chatRep: 'Chat – rep',
  contacts: 'Contacts',
  customer: 'Customer',
  radar: 'Radar',
} as const;

/** Each tag's description, declared at the top of the document (in this order). */
export const API_TAG_DESCRIPTIONS: Record<(typeof API_TAGS)[keyof typeof API_TAGS], string> = {
  [API_TAGS.chatCustomer]: 'The customer (公众号 page) chatting with a sales rep: send, poll, history, unread count. Signed with a customer token.',
  [API_TAGS.chatMiniProgram]:
    'The same customer chat for the legacy mini-program (小程序) pages, under /zhugeleida/xiaochengxu/: same routes, codes, fields and signature (a customer token).',
  [API_TAGS.chatRep]: 'The sales rep (企业微信) chatting with customers: send, poll, history, the conversation list and the unread total. Signed with a rep token.',
  [API_TAGS.contacts]: "The rep's contacts (通讯录) and follow-up notes.",
  [API_TAGS.customer]: "One customer as the rep sees them: profile, the rep's memo fields, expected close date and probability, tags.",
  [API_TAGS.radar]: 'The radar: what customers did (viewed a card, a product, an article …), recorded from the customer surface and read by the rep.',
};
