import { Button, Form, Modal, type FormInstance, type FormItemProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clearErrorsOnEdit, type UserErrorLike } from '../../app/user-errors';
import { useSave } from './save';

/** What a dialog is open for: a new row, or the row being edited. */
export type Target<T> = { kind: 'new' } | { kind: 'edit'; row: T; values: Record<string, unknown> };

export interface FormDialogState<T> {
  form: FormInstance;
  target: Target<T> | null;
  /** Opens with the form's initial values for a new row, or with `values` to edit `row`. */
  openNew(): void;
  openEdit(row: T, values: Record<string, unknown>): void;
  close(): void;
}

/** The state of one form-in-a-dialog: which row it is open for, and its form (for `Form.useWatch`). */
export function useFormDialog<T = never>(): FormDialogState<T> {
  const [form] = Form.useForm();
  const [target, setTarget] = useState<Target<T> | null>(null);
  return {
    form,
    target,
    openNew: () => setTarget({ kind: 'new' }),
    openEdit: (row, values) => setTarget({ kind: 'edit', row, values }),
    close: () => setTarget(null),
  };
}

interface Props<T, V> {
  dialog: FormDialogState<T>;
  title: ReactNode;
  width?: number;
  initialValues?: Partial<V>;
  /** Calls the mutation; returns its userErrors (field paths as the API gives them). */
  onSubmit(values: V, target: Target<T>): Promise<readonly UserErrorLike[] | undefined>;
  /** After a save without userErrors, once the dialog is closed (a refetch, usually). */
  onSaved?(): unknown;
  children: ReactNode;
}

/**
 * The configuration screens' one way to edit a row: the form validates, the mutation runs, its
 * userErrors stand beside the field their path names (the rest in a message that stays until
 * read), and only a clean save closes the dialog.
 */
export function FormDialog<T, V>({ dialog, title, width, initialValues, onSubmit, onSaved, children }: Props<T, V>) {
  const { t } = useTranslation();
  const save = useSave();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const target = dialog.target;
    if (!target) return;
    let values: V;
    try {
      values = (await dialog.form.validateFields()) as V;
    } catch {
      return; // Ant Design shows what is missing beside each field.
    }
    setBusy(true);
    try {
      if (await save(() => onSubmit(values, target), dialog.form, t('common.saved'))) {
        dialog.close();
        await onSaved?.();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={dialog.target !== null}
      title={title}
      width={width}
      okText={t('common.save')}
      confirmLoading={busy}
      onCancel={dialog.close}
      onOk={() => void submit()}
      // Each opening mounts a fresh form with its starting values; a closed dialog leaves nothing in the page.
      destroyOnHidden
    >
      <Form
        form={dialog.form}
        layout="vertical"
        onValuesChange={clearErrorsOnEdit(dialog.form)}
        initialValues={{ ...initialValues, ...(dialog.target?.kind === 'edit' ? dialog.target.values : {}) }}
      >
        <StartFresh form={dialog.form} />
        {children}
      </Form>
    </Modal>
  );
}

/**
 * The form instance outlives the dialog, and its store keeps the last opening's values, which a
 * remounted Form merges over its new initialValues (an edit showed the previous row). Reset once
 * mounted, so each opening starts from exactly its own values.
 */
function StartFresh({ form }: { form: FormInstance }) {
  useEffect(() => form.resetFields(), [form]);
  return null;
}

/** The "新增" button of a card that opens its dialog empty. */
export function AddButton({ dialog }: { dialog: Pick<FormDialogState<unknown>, 'openNew'> }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" onClick={dialog.openNew}>
      {t('config.add')}
    </Button>
  );
}

/** A form field; `required` adds the rule with the console's one wording for it. */
export function Field({ required, ...props }: FormItemProps & { required?: boolean }) {
  const { t } = useTranslation();
  return <Form.Item {...props} rules={required ? [{ required: true, message: t('common.required') }] : props.rules} />;
}
