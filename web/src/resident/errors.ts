import type { FormInstance } from 'antd';

export interface ResidentError {
  field?: readonly string[] | null;
  message: string;
}

/**
 * The API's userErrors beside the form fields they name (["input", "phone"] is the field
 * "phone"); returns the messages no field holds, to show above the button.
 */
export function placeErrors(form: FormInstance, errors: readonly ResidentError[]): string[] {
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const loose: string[] = [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const e of errors) {
    const name = (e.field ?? []).filter((p) => p !== 'input').join('.');
    if (name && known.has(name)) fields.push({ name, errors: [e.message] });
    else loose.push(e.message);
  }
  form.setFields(fields);
  return loose;
}
