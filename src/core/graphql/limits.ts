import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export interface QueryMeasure {
  depth: number;
  aliases: number;
  cost: number;
  /** largest `first` requested anywhere in the operation */
  maxFirst: number;
}

function argValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** Assumed size of a list field that takes no `first` (e.g. a unit's children). */
const UNPAGED_LIST_ESTIMATE = 10;

/**
 * Static measure of an operation after validation (so fragment cycles are already refused):
 * nesting depth, aliases, and a cost where each field costs 1 and a paginated field
 * multiplies the cost of what it selects by its page size. Introspection is not measured:
 * it is off in production and its fixed shape is deep by design.
 */
export function measureOperation(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const m: QueryMeasure = { depth: 0, aliases: 0, cost: 0, maxFirst: 0 };

  const typeNamed = (name: string | undefined): GraphQLNamedType | undefined =>
    name ? schema.getType(name) : undefined;

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    depth: number,
    seen: ReadonlySet<string>,
  ): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (sel.alias) m.aliases++;
        m.depth = Math.max(m.depth, depth);
        let fieldCost = 1;
        if (sel.selectionSet) {
          const def =
            parent && (isObjectType(parent) || isInterfaceType(parent))
              ? parent.getFields()[sel.name.value]
              : undefined;
          const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
          const first = firstArg ? argValue(firstArg.value, variables) : undefined;
          let size = 1;
          if (firstArg) {
            size = typeof first === 'number' ? first : DEFAULT_PAGE_SIZE;
            m.maxFirst = Math.max(m.maxFirst, size);
          } else if (def && isListType(getNullableType(def.type)) && sel.name.value !== 'edges') {
            // A connection's edges are already counted by its `first`.
            size = UNPAGED_LIST_ESTIMATE;
          }
          fieldCost +=
            Math.max(size, 1) * walk(sel.selectionSet, def ? getNamedType(def.type) : undefined, depth + 1, seen);
        }
        cost += fieldCost;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(sel.selectionSet, typeNamed(sel.typeCondition?.name.value) ?? parent, depth, seen);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (frag && !seen.has(name))
          cost += walk(frag.selectionSet, typeNamed(frag.typeCondition.name.value), depth, new Set([...seen, name]));
      }
    }
    return cost;
  };
  const root =
    op.operation === 'mutation'
      ? schema.getMutationType()
      : op.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  m.cost = walk(op.selectionSet, root ?? undefined, 1, new Set());
  return m;
}

const tooComplex = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

/** Why an operation is refused, or null; shared by HTTP (the plugin below) and WebSocket subscriptions. */
export function limitError(m: QueryMeasure, limits: QueryLimits): GraphQLError | null {
  if (m.depth > limits.maxDepth) return tooComplex(`Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}`);
  if (m.aliases > limits.maxAliases)
    return tooComplex(`Query uses ${m.aliases} aliases; the limit is ${limits.maxAliases}`);
  if (m.maxFirst > MAX_PAGE_SIZE) {
    return new GraphQLError(`first must be at most ${MAX_PAGE_SIZE}`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  if (m.cost > limits.maxCost) return tooComplex(`Query cost ${m.cost} exceeds the limit of ${limits.maxCost}`);
  return null;
}

/** Refuses abusive operations after validation and before any resolver (and so any SQL) runs. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const refused = limitError(measureOperation(schema, document, operation, request.variables ?? {}), limits);
          if (refused) throw refused;
        },
      };
    },
  };
}
