import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the operation selects `path` below the field being resolved (e.g. `edges.node.category`
 * under `cases`), through fragments and inline fragments: the look-ahead a resolver plans its
 * statement by, as a query compiler plans from the whole query. A field under `@skip`/`@include`
 * counts as selected; a wrong "yes" costs a join, never a wrong answer.
 */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const within = (sets: (SelectionSetNode | undefined)[], depth: number, seen: Set<string>): boolean => {
    const fields: FieldNode[] = [];
    const collect = (set: SelectionSetNode | undefined) => {
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD) fields.push(s);
        else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
        else if (!seen.has(s.name.value)) {
          seen.add(s.name.value);
          collect(info.fragments[s.name.value]?.selectionSet);
        }
      }
    };
    for (const set of sets) collect(set);
    const next = fields.filter((f) => f.name.value === path[depth]);
    if (!next.length) return false;
    return (
      depth === path.length - 1 ||
      within(
        next.map((f) => f.selectionSet),
        depth + 1,
        new Set(),
      )
    );
  };
  return within(
    info.fieldNodes.map((f) => f.selectionSet),
    0,
    new Set(),
  );
}
