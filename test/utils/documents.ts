/** Malicious GraphQL documents the limits must refuse cheaply (issue 12). */

/** Each fragment spreads the previous one twice: 2^levels fields once expanded, a few hundred bytes written. */
export function fanOutDocument(levels: number): string {
  const frags = ['fragment F0 on OrgUnit { id name }'];
  for (let i = 1; i <= levels; i++) frags.push(`fragment F${i} on OrgUnit { ...F${i - 1} ...F${i - 1} }`);
  return `{ orgUnits(first: 1) { edges { node { ...F${levels} } } } } ${frags.join(' ')}`;
}
