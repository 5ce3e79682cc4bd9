import type { FormInstance } from 'antd';
import { App } from 'antd';
import i18n from '../../app/i18n';
import { showUserErrors, type UserErrorLike } from '../../app/user-errors';

/** A refusal in the console's language where its code is known, with the server's words kept. */
const words = (e: UserErrorLike) =>
  e.code && i18n.exists(`config.errors.${e.code}`) ? `${i18n.t(`config.errors.${e.code}`)}（${e.message}）` : e.message;

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
      const translated = errors.map((e) => ({ ...e, message: words(e) }));
      const loose = form ? showUserErrors(form, translated) : translated.map((e) => e.message);
      if (loose.length) message.error({ content: loose.join('；'), duration: 8 });
      return false;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    }
  };
}
