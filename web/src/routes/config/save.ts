import type { FormInstance } from 'antd';
import { App } from 'antd';
import { showUserErrors, type UserErrorLike } from '../../app/user-errors';

/**
 * Runs a configuration mutation and shows its userErrors: beside the form's fields where they name
 * one, otherwise as a message that stays until read (a refusal is shown, not swallowed).
 */
export function useSave() {
  const { message } = App.useApp();
  return async (
    run: () => Promise<readonly UserErrorLike[] | undefined>,
    form?: FormInstance,
    done?: string,
  ): Promise<boolean> => {
    try {
      const errors = (await run()) ?? [];
      if (!errors.length) {
        if (done) message.success(done);
        return true;
      }
      // The API words each refusal in the reader's language (its catalogue), so it is shown as sent.
      const loose = form ? showUserErrors(form, errors) : errors.map((e) => e.message);
      if (loose.length) message.error({ content: loose.join('；'), duration: 8 });
      return false;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    }
  };
}
