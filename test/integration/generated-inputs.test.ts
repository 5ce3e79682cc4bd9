import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getOperationAST,
  parse,
} from 'graphql';
import { limitError, measureOperation } from '../../src/core/graphql/limits';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE } from '../utils/cases';
import { getSchema } from '../../src/core/graphql/schema';
import { ROLES } from '../../src/core/auth/roles';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/**
 * Every query and mutation of the schema, called over HTTP with arguments generated from its
 * SDL types — empty, huge, NUL-bearing and ill-formed strings, ids that are no UUID, ids of
 * real rows, unknown enum values, numbers out of range — by a person holding every role. An
 * internal error or a 5xx answer to client input is a bug in the mechanism that should have
 * refused the input (issue 12, item 6).
 */
const RUNS = Number(process.env['GENERATED_INPUT_RUNS'] ?? 20);
/** To replay some operations only: GENERATED_INPUT_ONLY=upsertSlaPolicy,cases */
const ONLY = process.env['GENERATED_INPUT_ONLY']?.split(',');
/** Per answer; generous for a shared 2-core machine, far below a stuck event loop or database. */
const MAX_ANSWER_MS = 3000;
/** Fields selected below a root field: payload → object → scalars, or connection → edges → node → scalars. */
const SELECTION_DEPTH = 4;
const LIMITS = { maxDepth: 8, maxAliases: 15, maxCost: 5000 };

const STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\ud800',
  'x\udfffy',
  '第一行\n第二行\t制表',
  '张三',
  '08:30',
  '24:00',
  '2026-10-01',
  'P3D',
  'PT4H',
  'Asia/Shanghai',
  'Mars/Olympus',
  'abc',
  'tenant-admin',
  'REPORTED',
  'case.*',
  '*',
  'https://example.com/hook',
  'http://127.0.0.1:1/x',
  '13800138000',
  '11010519491231002X',
  '91350100M000100Y43',
  "'; drop table cases; --",
  '%_\\',
];

/** Mostly plausible text, so that inputs get past the door often enough to reach the services. */
function stringArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...STRINGS) },
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 25_000 }).map((n) => '纠'.repeat(n)) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(300_000)) },
  );
}

function idArb(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...pool).map((id) => id.toUpperCase()) },
    { weight: 2, arbitrary: fc.constantFrom('', 'nope', '1', '-1', ' ', '00000000-0000-0000-0000-000000000000') },
    { weight: 1, arbitrary: stringArb() },
  );
}

function scalarArb(name: string, pool: string[]): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
      return stringArb();
    case 'ID':
      return idArb(pool);
    case 'Int':
      return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
        { weight: 1, arbitrary: fc.integer() },
        { weight: 1, arbitrary: fc.constantFrom(-1, 101, 2 ** 31 - 1, -(2 ** 31), 2 ** 40, 1.5) },
      );
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 0.5, 1, -1, 1e308));
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .date({ min: new Date('2025-06-01'), max: new Date('2027-06-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom('2026-10-01', 'nope', '', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z'),
        },
      );
    case 'Decimal':
      return fc.constantFrom('0', '12000.50', '-1', 'abc', '99999999999999.99', '1e5', '');
    default:
      return fc.oneof(fc.constant(null), stringArb());
  }
}

function inputArb(type: GraphQLInputType, pool: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputArb(type.ofType, pool, depth);
  const nullable = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: a });
  if (isListType(type)) {
    const item = inputArb(type.ofType, pool, depth + 1);
    return fc.oneof(
      { weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 21, maxLength: 30 }) },
    );
  }
  if (depth > 5) return fc.constant(null);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(
      fields.map((f) => {
        const a = inputArb(f.type, pool, depth + 1);
        return [f.name, isNonNullType(f.type) ? a : nullable(a)];
      }),
    );
    return fc.record(shape, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', '') },
    );
  }
  return scalarArb(type.name, pool);
}

/** A selection of every field that needs no argument, to `SELECTION_DEPTH` levels. */
function selectionOf(type: GraphQLNamedType, depth: number, maxDepth: number): string {
  if (isLeafType(type)) return '';
  if (isInterfaceType(type) || isUnionType(type) || !isObjectType(type)) return '{ __typename }';
  const parts: string[] = [];
  for (const f of Object.values((type as GraphQLObjectType).getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (depth < maxDepth) {
      const sub = selectionOf(named, depth + 1, maxDepth);
      if (sub) parts.push(`${f.name} ${sub}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

/** The operation with the deepest selection the cost limit lets through, so that it reaches its resolvers. */
function operationOf(schema: GraphQLSchema, kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  for (let depth = SELECTION_DEPTH; ; depth--) {
    const source = `${kind} Generated${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(getNamedType(field.type), 2, depth)} }`;
    const doc = parse(source);
    if (depth <= 2 || !limitError(measureOperation(schema, doc, getOperationAST(doc)!, {}), LIMITS)) return source;
  }
}

interface Failure {
  operation: string;
  status: number;
  ms: number;
  codes: unknown[];
  variables: string;
}

describe('Generated inputs for every query and mutation (issue 12)', () => {
  let h: Harness;
  let t: TenantRecord;
  let token: string;
  let schema: GraphQLSchema;
  const pool: string[] = [];

  beforeAll(async () => {
    schema = await getSchema();
    h = await startHarness();
    t = await h.createTenant('gen');
    token = await h.token({ tenants: [t.code], roles: [...ROLES] });
    const admin = await h.token({ tenants: [t.code], roles: ['tenant-admin', 'intake-clerk'] });
    const center = await buildCenter(h, admin, [
      { key: 'm', name: '调解员甲', mediator: true },
      { key: 'c', name: '办事员乙' },
    ]);
    const made = await mutate<{ case: { id: string } | null; userErrors: unknown[] }>(h, admin, REPORT_CASE, {
      title: '邻里纠纷',
      channel: 'WALK_IN',
      reportedOrgUnitId: center.gridId,
      parties: [{ role: 'APPLICANT', kind: 'PERSON', name: '张三', phone: '13800138000' }],
    });
    pool.push(
      center.centerId,
      center.stationId,
      center.gridId,
      ...Object.values(center.dept).slice(0, 3),
      ...Object.values(center.category).slice(0, 3),
      ...Object.values(center.staff),
      ...(made.case ? [made.case.id] : []),
    );
  });
  afterAll(() => h?.close());

  it('answers no generated input with an internal error, a 5xx, or slowly', async () => {
    const failures: Failure[] = [];
    const answered: Record<string, number> = {};
    const reached = new Set<string>();
    const all: string[] = [];
    let slowest = 0;
    let calls = 0;
    for (const [kind, root] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(root.getFields())) {
        if (ONLY && !ONLY.includes(field.name)) continue;
        all.push(field.name);
        const query = operationOf(schema, kind, field);
        const argsArb = fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputArb(a.type, pool)])), {
          requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
        });
        await fc.assert(
          fc.asyncProperty(argsArb, async (variables) => {
            const started = performance.now();
            const r = await h.gql(token, query, variables as Record<string, unknown>);
            const ms = performance.now() - started;
            calls++;
            slowest = Math.max(slowest, ms);
            const codes = [...new Set((r.body.errors ?? []).map((e) => e.extensions?.code))];
            const outcome = codes.length ? codes.join('+') : 'OK';
            answered[outcome] = (answered[outcome] ?? 0) + 1;
            if (outcome === 'OK') reached.add(field.name);
            if (process.env['GENERATED_INPUT_DEBUG'])
              console.log(field.name, outcome, JSON.stringify(r.body.errors?.[0]?.message ?? '').slice(0, 200));
            if (r.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || ms > MAX_ANSWER_MS || !r.body) {
              failures.push({
                operation: field.name,
                status: r.status,
                ms: Math.round(ms),
                codes,
                variables: JSON.stringify(variables).slice(0, 300),
              });
            }
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      }
    }
    // The spread of answers shows the generator reaches resolvers, not only the door.
    console.log(
      `generated inputs: ${calls} calls, slowest ${Math.round(slowest)} ms, answers ${JSON.stringify(answered)}; ` +
        `never answered without error: ${all.filter((n) => !reached.has(n)).join(', ')}`,
    );
    // Most operations must be reached past the door at least once, or the test proves little.
    expect(reached.size).toBeGreaterThan(all.length * 0.8);
    expect(failures).toEqual([]);
  }, 120_000);
});
