/**
 * The Swagger tags: exactly one per area (issue 6). Controllers pass one of these to
 * `@CustomerController(path, tag)` / `@RepController(path, tag)`; the en dash is deliberate.
 */
export const API_TAGS = {
  chatCustomer: 'Chat – customer',
  chatRep: 'Chat – rep',
  contacts: 'Contacts',
  customer: 'Customer',
  radar: 'Radar',
} as const;
