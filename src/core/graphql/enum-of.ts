/** A GraphQL enum object from a domain's list of values (type-graphql's registerEnumType takes objects). */
export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
