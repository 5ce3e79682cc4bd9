import {
  GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode,
  type SelectionSetNode, type ValueNode,
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

/**
 * Static measure of an operation after validation (so fragment cycles are already refused):
 * nesting depth, aliases, and a cost where each field costs 1 and a paginated field
 * multiplies the cost of what it selects by its page size. Introspection is not measured:
 * it is off in production and its fixed shape is deep by design.
 */
export function measureOperation(
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const m: QueryMeasure = { depth: 0, aliases: 0, cost: 0, maxFirst: 0 };

  const walk = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (sel.alias) m.aliases++;
        m.depth = Math.max(m.depth, depth);
        let fieldCost = 1;
        if (sel.selectionSet) {
          const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
          const first = firstArg ? argValue(firstArg.value, variables) : undefined;
          const pageSize = typeof first === 'number' ? first : firstArg ? DEFAULT_PAGE_SIZE : 1;
          m.maxFirst = Math.max(m.maxFirst, pageSize);
          fieldCost += Math.max(pageSize, 1) * walk(sel.selectionSet, depth + 1, seen);
        }
        cost += fieldCost;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(sel.selectionSet, depth, seen);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (frag && !seen.has(name)) cost += walk(frag.selectionSet, depth, new Set([...seen, name]));
      }
    }
    return cost;
  };
  m.cost = walk(op.selectionSet, 1, new Set());
  return m;
}

const tooComplex = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

/** Refuses abusive operations after validation and before any resolver (and so any SQL) runs. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const m = measureOperation(document, operation, request.variables ?? {});
          if (m.depth > limits.maxDepth) throw tooComplex(`Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}`);
          if (m.aliases > limits.maxAliases) throw tooComplex(`Query uses ${m.aliases} aliases; the limit is ${limits.maxAliases}`);
          if (m.maxFirst > MAX_PAGE_SIZE) {
            throw new GraphQLError(`first must be at most ${MAX_PAGE_SIZE}`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (m.cost > limits.maxCost) throw tooComplex(`Query cost ${m.cost} exceeds the limit of ${limits.maxCost}`);
        },
      };
    },
  };
}
