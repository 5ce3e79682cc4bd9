import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const MONEY_RE = /^\d{1,14}(\.\d{1,2})?$/;

/**
 * Money in yuan as a decimal string with two places ("12000.50"): never a float, so a
 * wage claim of 12,000.10 stays exactly that from the clerk's screen to the database.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Yuan as a decimal string with at most two places, e.g. "12000.50"; output always has two places',
  serialize: (v) => Number(v as string).toFixed(2),
  parseValue: (v) => {
    if (typeof v !== 'string' || !MONEY_RE.test(v)) throw new GraphQLError('Decimal: a string such as "12000.50"');
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !MONEY_RE.test(ast.value))
      throw new GraphQLError('Decimal: a string such as "12000.50"');
    return ast.value;
  },
});
