import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadExport, type ExportParams } from './download';

export interface ExportChoice {
  /** The export's name: /exports/<name>.csv|xlsx */
  name: string;
  label: string;
  /** The query parameters, read when chosen so they are the filters on screen at that moment. */
  params: () => ExportParams;
}

/**
 * "导出": each choice as XLSX and CSV, fetched with the signed-in person's token; a refusal from
 * the server (too many exports running, a bad filter) is shown as it words it.
 */
export function ExportMenu({ choices }: { choices: readonly ExportChoice[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Dropdown
      menu={{
        items: choices.flatMap((c) =>
          (['xlsx', 'csv'] as const).map((f) => ({ key: `${c.name}.${f}`, label: `${c.label}（${f.toUpperCase()}）` })),
        ),
        onClick: async ({ key }) => {
          const [name, format] = key.split('.') as [string, 'csv' | 'xlsx'];
          const choice = choices.find((c) => c.name === name)!;
          const err = await downloadExport(name, format, choice.params());
          if (err) message.error(err);
        },
      }}
    >
      <Button>{t('common.export')}</Button>
    </Dropdown>
  );
}
