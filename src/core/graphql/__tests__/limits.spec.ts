import 'reflect-metadata';
import { getOperationAST, parse, validate, visit, type GraphQLSchema } from 'graphql';
import { getSchema } from '../schema';
import { limitError, measureOperation, refuseOperation, type QueryLimits } from '../limits';
import { fanOutDocument } from '../../../../test/utils/documents';
import { LIST_SIZES } from '../list-sizes';
import { getNamedType, getNullableType, isListType, isObjectType } from 'graphql';

const LIMITS: QueryLimits = { maxDepth: 8, maxAliases: 15, maxCost: 5000 };

const selections = (source: string) => {
  let n = 0;
  visit(parse(source), { Field: () => void n++, FragmentSpread: () => void n++, InlineFragment: () => void n++ });
  return n;
};

describe('operation limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });

  const measure = (source: string, variables: Record<string, unknown> = {}, limits?: QueryLimits) => {
    const doc = parse(source);
    expect(validate(schema, doc)).toEqual([]);
    return measureOperation(schema, doc, getOperationAST(doc)!, variables, limits);
  };
  const refusal = (source: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(source);
    expect(validate(schema, doc)).toEqual([]);
    return refuseOperation(schema, doc, getOperationAST(doc)!, variables, LIMITS);
  };

  it.each([20, 25, 30])(
    'measures a %i-level fragment fan-out in steps linear in the document, and refuses it',
    (levels) => {
      const source = fanOutDocument(levels);
      // Without limits the whole figure is computed, still visiting each selection once.
      const full = measure(source);
      expect(full.cost).toBe(1 + 1 * (1 + 1 * (1 + 2 ** (levels + 1))));
      expect(full.steps).toBeLessThanOrEqual(selections(source));
      // With limits the walk stops once the cost passes 5,000.
      const stopped = measure(source, {}, LIMITS);
      expect(stopped.steps).toBeLessThanOrEqual(selections(source));
      expect(limitError(stopped, LIMITS)?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    },
  );

  it('counts aliases and depth inside fragments at every spread, without walking them again', () => {
    const source =
      '{ orgUnits(first: 1) { edges { node { ...B } } } } fragment A on OrgUnit { a1: id a2: name } fragment B on OrgUnit { ...A parent { ...A } }';
    const m = measure(source);
    expect(m.aliases).toBe(4);
    expect(m.depth).toBe(5);
    expect(m.steps).toBe(selections(source));
  });

  it('takes first from a variable default when the variable is not supplied', () => {
    const nested = (first: string) =>
      `query${first.startsWith('$') ? '($n: Int = 100)' : ''} { cases(first: ${first}) { edges { node { timeline(first: ${first}) { edges { node { id } } } } } } }`;
    expect(refusal(nested('100'))?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(refusal(nested('$n'))?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(refusal(nested('$n'), { n: 2 })).toBeNull();
    expect(measure(nested('$n')).maxFirst).toBe(100);
  });

  it('counts an omitted first as the page size the resolvers use', () => {
    const m = measure('{ cases { edges { node { timeline { edges { node { id type } } } } } } }');
    // cases: 1 + 20 × (edges 1 + node (1 + timeline (1 + 20 × (edges 1 + node (1 + 2)))))
    expect(m.cost).toBe(1 + 20 * (1 + 1 + 1 + 20 * (1 + 1 + 2)));
    expect(m.maxFirst).toBe(20);
  });

  it('treats an explicit null first as omitted', () => {
    expect(measure('query($n: Int) { orgUnits(first: $n) { edges { node { id } } } }', { n: null }).cost).toBe(
      1 + 20 * 3,
    );
  });

  it('names only unpaged lists of objects in LIST_SIZES', () => {
    for (const coordinate of Object.keys(LIST_SIZES)) {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      const field = type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
      expect([coordinate, !!field]).toEqual([coordinate, true]);
      expect([coordinate, isListType(getNullableType(field!.type)), isObjectType(getNamedType(field!.type))]).toEqual([
        coordinate,
        true,
        true,
      ]);
      expect(field!.args.some((a) => a.name === 'first')).toBe(false);
    }
  });

  it('sizes a window of shifts by its days', () => {
    const shifts = (from: string, to: string) =>
      measure(
        `{ residencies(first: 1) { edges { node { shifts(from: "${from}", to: "${to}") { startsAt staff { name } } } } } }`,
      ).cost;
    // 1 + 1 × (edges 1 + node (1 + shifts (1 + days × 2 × (startsAt 1 + staff (1 + 3 × 1)))))
    expect(shifts('2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z')).toBe(1 + 1 + 1 + 1 + 7 * 2 * 5);
    expect(shifts('2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z')).toBe(1 + 1 + 1 + 1 + 60 * 2 * 5);
  });
});
