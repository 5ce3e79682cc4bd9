import type { FormInstance } from 'antd';

export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code?: string;
}

/**
 * The API's userErrors beside the fields they name: ["input", "parties", "0", "idNumber"] is the
 * form's ["parties", 0, "idNumber"]. Returns the errors no field of the form holds, to show above it.
 */
export function showUserErrors(form: FormInstance, errors: readonly UserErrorLike[]): string[] {
  const names = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const loose: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const e of errors) {
    const path = (e.field ?? []).filter((p, i) => !(i === 0 && p === 'input')).map(num);
    // The API words its refusals in the console's language (it sends Accept-Language and the
    // person's saved choice): shown as the API says them, one wording for every client.
    const text = e.message;
    if (path.length && names.has(JSON.stringify(path))) fields.push({ name: path, errors: [text] });
    else loose.push(text);
  }
  form.setFields(fields);
  return loose;
}

const num = (p: string | number) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p);

/**
 * A Form's onValuesChange that takes the server's refusal away from a field once it is edited
 * (errors set from userErrors stay otherwise until the next save, beside a value already fixed).
 */
export function clearErrorsOnEdit(form: FormInstance) {
  return (changed: Record<string, unknown>) => {
    const keys = new Set(Object.keys(changed));
    const stale = form
      .getFieldsError()
      .filter((f) => f.errors.length && keys.has(String(f.name[0])))
      .map((f) => ({ name: f.name, errors: [] }));
    if (stale.length) form.setFields(stale);
  };
}
