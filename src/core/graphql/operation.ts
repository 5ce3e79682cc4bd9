import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * Operation variables as the resolvers will see them: supplied values coerced, defaults of
 * variables that were not supplied filled in. Null when they do not coerce (execution refuses
 * them with BAD_USER_INPUT before any resolver runs).
 */
export function operationVariables(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  raw: Record<string, unknown>,
): Record<string, unknown> | null {
  const r = getVariableValues(schema, op.variableDefinitions ?? [], raw, { maxErrors: 1 });
  return r.coerced ?? null;
}

export const rootType = (schema: GraphQLSchema, op: OperationDefinitionNode) =>
  (op.operation === 'mutation'
    ? schema.getMutationType()
    : op.operation === 'subscription'
      ? schema.getSubscriptionType()
      : schema.getQueryType()) ?? undefined;
