/** Ids are PostgreSQL `integer`: a larger number can match nothing and must not reach SQL. */
export const MAX_ID = 2 ** 31 - 1;
