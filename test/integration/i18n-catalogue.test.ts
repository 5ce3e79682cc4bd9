import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from '../../src/core/i18n/catalog/en';
import { zhCN } from '../../src/core/i18n/catalog/zh-CN';
import { ROLES } from '../../src/core/auth/roles';
import { CASE_EVENT_TYPES } from '../../src/modules/case/case-events';
import { NOTIFICATION_TYPES } from '../../src/modules/notification/notification.service';
import { t } from '../../src/core/i18n/translate';

/**
 * The catalogue is complete when every code, label and event a person can meet has words in
 * both languages; read from the committed schema and the code, so a new enum value, error code
 * or timeline event without messages fails here.
 */
const schema = buildSchema(readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const enums = Object.values(schema.getTypeMap()).filter((ty) => isEnumType(ty) && !ty.name.startsWith('__'));
const catalogues = { en, 'zh-CN': zhCN } as Record<string, Record<string, string>>;

const required: string[] = [];
for (const e of enums) {
  if (!isEnumType(e)) continue;
  for (const v of e.getValues()) {
    required.push(e.name.endsWith('ErrorCode') ? `code.${v.value}` : `enum.${e.name}.${v.value}`);
  }
}
for (const r of ROLES) required.push(`enum.Role.${r}`);
for (const ty of CASE_EVENT_TYPES) required.push(`event.${ty}`, `enum.CaseEventKind.${ty}`);
for (const ty of NOTIFICATION_TYPES) required.push(`notification.${ty}`);

/** Placeholders a message shows as they are, and all it uses (selectors of plural and select too). */
function placeholders(els: MessageFormatElement[], out = { shown: new Set<string>(), all: new Set<string>() }) {
  for (const el of els) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
      out.shown.add(el.value);
      out.all.add(el.value);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.all.add(el.value);
      for (const o of Object.values(el.options)) placeholders(o.value, out);
    }
    if (el.type === TYPE.tag) placeholders(el.children, out);
  }
  return out;
}

/** Technical words a Chinese sentence may carry besides codes: protocols, parameter names and literal values a person types. */
const ALLOWED_LATIN = new Set(['http', 'https', 'x-tenant-id', 'first', 'after', 'true', 'false', 'from', 'to']);

describe('message catalogue', () => {
  it('has a zh-CN and an en entry for every error code, enum value, role, timeline event and notification', () => {
    expect(required.length).toBeGreaterThan(250);
    for (const [locale, cat] of Object.entries(catalogues)) {
      const missing = required.filter((k) => !cat[k]?.trim());
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  it('has the same keys and the same placeholders in both languages, all valid ICU', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      // A value one language shows, the other must at least use (English may branch where Chinese need not).
      const a = placeholders(parse(en[key]));
      const b = placeholders(parse(zhCN[key]));
      const unknown = [...[...a.shown].filter((p) => !b.all.has(p)), ...[...b.shown].filter((p) => !a.all.has(p))];
      expect({ key, unknown }).toEqual({ key, unknown: [] });
    }
  });

  it('writes Chinese with full-width punctuation and no English word but codes', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      // Placeholders and ICU syntax are not words a reader sees.
      const shown = text
        .replace(/\{[a-zA-Z]+, (plural|select), /g, '{')
        .replace(/\b(one|other|yes|no|mediation|assignment|[1-6]) \{/g, '{')
        .replace(/\{[a-zA-Z]+(, number)?\}/g, '');
      const words = (shown.match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter(
        (w) => !/^[A-Z0-9_]+$/.test(w) && !ALLOWED_LATIN.has(w) && !/^([YMDH]+(-[YMDH]+)*|ISO|PT\d+H)$/.test(w),
      );
      expect({ key, words }).toEqual({ key, words: [] });
      const punct = shown.replace(/(\d)[,:.](\d)/g, '$1$2').match(/[,;!?()]|[^\d\sA-Z]:/g) ?? [];
      expect({ key, punct }).toEqual({ key, punct: [] });
    }
  });

  it('renders plurals in English and labels inside sentences', () => {
    expect(t('en', 'orgUnit.hasChildren', { count: 1 })).toBe('Archive or move its 1 active sub-unit first');
    expect(t('en', 'orgUnit.hasChildren', { count: 3 })).toBe('Archive or move its 3 active sub-units first');
    expect(
      t('zh-CN', 'error.requiresRole', {
        roles: { list: ROLES.slice(1, 4).map((value) => ({ enum: 'Role', value })) },
      }),
    ).toBe('需要以下角色之一：租户管理员、受理员、调度员');
    expect(
      t('zh-CN', 'event.AGREEMENT_SIGNED', { hasAmount: 'yes', amount: { money: '3500.00' }, instalments: 2 }),
    ).toBe('签订调解协议（3,500元，分2期）');
  });
});
