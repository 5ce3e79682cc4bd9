import type { MessageId } from '../i18n/translate';
import type { MessageRef, MessageValues } from '../../shared/message-ref';

/**
 * graphql-js words its parse, validation and variable-coercion errors in English and gives them
 * no code of their own: a GraphQLError carries only the message and the nodes. So each message a
 * specified rule (or getVariableValues, or a scalar) writes is matched here by that rule's own
 * template, with its names as groups, and becomes a catalogue message. The templates are those of
 * graphql 16.15 (pinned); `__tests__/graphql-js-messages.spec.ts` makes every rule listed here
 * write its real message and fails when one no longer matches, so an upgrade that rewords a rule
 * is caught, not shipped half in English. A message no template knows reads as `graphql.invalid`
 * (or `graphql.syntax`), with graphql-js's own words kept in `extensions.originalMessage`.
 */
interface Template {
  /** the graphql-js rule or function that writes the message (documentation and the spec's index) */
  source: string;
  re: RegExp;
  id: MessageId;
  /** groups holding another message (a coercion's reason), translated in turn */
  nested?: string[];
}

const NAME = '([^"]+)';

const TEMPLATES: Template[] = [
  {
    source: 'FieldsOnCorrectTypeRule',
    re: re(`Cannot query field "(?<field>${NAME})" on type "(?<type>${NAME})"\\.`),
    id: 'graphql.noSuchField',
  },
  {
    source: 'KnownArgumentNamesRule',
    re: re(`Unknown argument "(?<arg>${NAME})" on field "(?<field>${NAME})"\\.`),
    id: 'graphql.noSuchArgument',
  },
  {
    source: 'ProvidedRequiredArgumentsRule',
    re: re(
      `Field "(?<field>${NAME})" argument "(?<arg>${NAME})" of type "(?<type>${NAME})" is required, but it was not provided\\.`,
    ),
    id: 'graphql.missingArgument',
  },
  {
    source: 'ScalarLeafsRule',
    re: re(`Field "(?<field>${NAME})" of type "(?<type>${NAME})" must have a selection of subfields\\.`),
    id: 'graphql.needsSelection',
  },
  {
    source: 'ScalarLeafsRule',
    re: re(`Field "(?<field>${NAME})" must not have a selection since type "(?<type>${NAME})" has no subfields\\.`),
    id: 'graphql.noSelection',
  },
  { source: 'KnownTypeNamesRule', re: re(`Unknown type "(?<type>${NAME})"\\.`), id: 'graphql.unknownType' },
  {
    source: 'NoUnusedVariablesRule',
    re: re(`Variable "\\$(?<name>${NAME})" is never used(?: in operation "${NAME}")?\\.`),
    id: 'graphql.unusedVariable',
  },
  {
    source: 'NoUndefinedVariablesRule',
    re: re(`Variable "\\$(?<name>${NAME})" is not defined(?: by operation "${NAME}")?\\.`),
    id: 'graphql.undefinedVariable',
  },
  {
    source: 'VariablesInAllowedPositionRule',
    re: re(
      `Variable "\\$(?<name>${NAME})" of type "(?<type>${NAME})" used in position expecting type "(?<expected>${NAME})"\\.`,
    ),
    id: 'graphql.variablePosition',
  },
  {
    source: 'ValuesOfCorrectTypeRule',
    re: re(`Field "(?<field>${NAME})" of required type "(?<type>${NAME})" was not provided\\.`),
    id: 'graphql.missingInputField',
  },
  {
    source: 'ValuesOfCorrectTypeRule',
    re: re(`Field "(?<field>${NAME})" is not defined by type "(?<type>${NAME})"\\.`),
    id: 'graphql.unknownInputField',
  },
  {
    source: 'ValuesOfCorrectTypeRule',
    re: re(`Expected value of type "(?<type>${NAME})", found (?<value>.+?); (?<reason>.+)`),
    id: 'graphql.wrongValueBecause',
    nested: ['reason'],
  },
  {
    source: 'ValuesOfCorrectTypeRule',
    re: re(`Expected value of type "(?<type>${NAME})", found (?<value>.+)\\.`),
    id: 'graphql.wrongValue',
  },
  {
    source: 'GraphQLEnumType',
    re: re(`Value (?<value>.+) does not exist in "(?<type>${NAME})" enum\\.`),
    id: 'graphql.unknownEnumValue',
  },
  {
    source: 'GraphQLEnumType',
    re: re(`Enum "(?<type>${NAME})" cannot represent non-enum value: (?<value>.+)\\.`),
    id: 'graphql.notEnumValue',
  },
  { source: 'GraphQLInt', re: re('Int cannot represent non-integer value: (?<value>.+)'), id: 'graphql.notInt' },
  {
    source: 'GraphQLInt',
    re: re('Int cannot represent non 32-bit signed integer value: (?<value>.+)'),
    id: 'graphql.intRange',
  },
  { source: 'GraphQLFloat', re: re('Float cannot represent non numeric value: (?<value>.+)'), id: 'graphql.notFloat' },
  {
    source: 'GraphQLString',
    re: re('String cannot represent a non string value: (?<value>.+)'),
    id: 'graphql.notString',
  },
  {
    source: 'GraphQLBoolean',
    re: re('Boolean cannot represent a non boolean value: (?<value>.+)'),
    id: 'graphql.notBoolean',
  },
  {
    source: 'GraphQLID',
    re: re('ID cannot represent (?:a non-string and non-integer )?value: (?<value>.+)'),
    id: 'graphql.notId',
  },
  {
    source: 'DateTimeISO (graphql-scalars)',
    re: re('DateTime cannot represent an invalid date-time-string (?<value>.+)\\.'),
    id: 'graphql.notDateTime',
  },
  {
    source: 'DateTimeISO (graphql-scalars)',
    re: re('DateTime cannot represent non string or Date type (?<value>.+)'),
    id: 'graphql.notDateTime',
  },
  { source: 'DecimalScalar', re: re('Decimal: a string such as "12000\\.50"'), id: 'graphql.notDecimal' },
  {
    source: 'coerceInputValue',
    re: re(`Expected type "(?<type>${NAME})" to be an object\\.`),
    id: 'graphql.notObject',
  },
  {
    source: 'coerceInputValue',
    re: re(`Expected non-nullable type "(?<type>${NAME})" not to be null\\.`),
    id: 'graphql.notNull',
  },
  {
    source: 'coerceInputValue',
    re: re(`Expected type "(?<type>${NAME})"\\. (?<reason>.+)`),
    id: 'graphql.expectedTypeBecause',
    nested: ['reason'],
  },
  { source: 'coerceInputValue', re: re(`Expected type "(?<type>${NAME})"\\.`), id: 'graphql.expectedType' },
  {
    source: 'getVariableValues',
    re: re(`Variable "\\$(?<name>${NAME})" of required type "(?<type>${NAME})" was not provided\\.`),
    id: 'graphql.variableMissing',
  },
  {
    source: 'getVariableValues',
    re: re(`Variable "\\$(?<name>${NAME})" of non-null type "(?<type>${NAME})" must not be null\\.`),
    id: 'graphql.variableNull',
  },
  {
    source: 'getVariableValues',
    re: re(`Variable "\\$(?<name>${NAME})" got invalid value (?<value>.+?) at "(?<path>${NAME})"; (?<reason>.+)`),
    id: 'graphql.variableInvalidAt',
    nested: ['reason'],
  },
  {
    source: 'getVariableValues',
    re: re(`Variable "\\$(?<name>${NAME})" got invalid value (?<value>.+?); (?<reason>.+)`),
    id: 'graphql.variableInvalid',
    nested: ['reason'],
  },
  {
    source: 'OverlappingFieldsCanBeMergedRule',
    re: re(`Fields "(?<alias>${NAME})" conflict because .+`),
    id: 'graphql.aliasConflict',
  },
  {
    source: 'UniqueOperationNamesRule',
    re: re(`There can be only one operation named "(?<name>${NAME})"\\.`),
    id: 'graphql.duplicateOperation',
  },
  {
    source: 'LoneAnonymousOperationRule',
    re: re('This anonymous operation must be the only defined operation\\.'),
    id: 'graphql.loneAnonymous',
  },
  { source: 'KnownFragmentNamesRule', re: re(`Unknown fragment "(?<name>${NAME})"\\.`), id: 'graphql.unknownFragment' },
  {
    source: 'NoUnusedFragmentsRule',
    re: re(`Fragment "(?<name>${NAME})" is never used\\.`),
    id: 'graphql.unusedFragment',
  },
  { source: 'KnownDirectivesRule', re: re(`Unknown directive "(?<name>${NAME})"\\.`), id: 'graphql.unknownDirective' },
  {
    source: 'getOperationAST (Apollo)',
    re: re(`Unknown operation named "(?<name>${NAME})"\\.`),
    id: 'graphql.unknownOperation',
  },
  {
    source: 'getOperationAST (Apollo)',
    re: re('Must provide operation name if query contains multiple operations\\.'),
    id: 'graphql.operationName',
  },
  {
    source: 'NoSchemaIntrospectionCustomRule',
    re: re(
      `GraphQL introspection has been disabled, but the requested query contained the field "(?<field>${NAME})"\\.`,
    ),
    id: 'graphql.introspection',
  },
];

function re(body: string): RegExp {
  return new RegExp(`^${body}$`, 's');
}

/** graphql-js's field suggestions ("Did you mean …?"), which the Chinese sentence leaves out. */
const SUGGESTION = / ?Did you mean .*\?$/s;

/** The catalogue message for one graphql-js message, or null when no template knows it. */
export function graphqlJsMessage(message: string): MessageRef | null {
  const text = message.replace(SUGGESTION, '');
  if (text.startsWith('Syntax Error: ')) return { id: 'graphql.syntax' };
  for (const tpl of TEMPLATES) {
    const m = tpl.re.exec(text);
    if (!m) continue;
    const values: MessageValues = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) {
      if (v === undefined) continue;
      // A nested reason is a sentence of its own; one no template knows is left out, not left English.
      values[k] = tpl.nested?.includes(k)
        ? { nested: graphqlJsMessage(v) ?? { id: 'graphql.invalid' } }
        : // A printed string value brings its own quotes; the sentence quotes every value its own way.
          k === 'value' && /^".*"$/s.test(v)
          ? v.slice(1, -1)
          : v;
    }
    return { id: tpl.id, values };
  }
  return null;
}

/** Every message id a template gives, for the spec that makes each rule speak. */
export const templateIds = (): string[] => [...new Set(TEMPLATES.map((t) => t.id))];
