import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfigUnitQrDocument } from '../../gql/graphql';
import { currentTenant, signIn, token } from '../../app/auth';
import i18n from '../../app/i18n';

i18n.addResourceBundle(
  'zh-CN',
  'translation',
  {
    config: {
      qr: {
        button: '二维码',
        title: '{{name}} · 群众扫码二维码',
        hint: '群众扫码后可反映纠纷、查询进度、预约调解。打印张贴在服务窗口或村（社区）公告栏。',
        address: '扫码打开的地址',
        svg: '下载 SVG（印刷用）',
        png: '下载 PNG',
        off: '本中心暂未开通群众端服务。',
      },
    },
  },
  true,
  false,
);
i18n.addResourceBundle(
  'en',
  'translation',
  {
    config: {
      qr: {
        button: 'QR code',
        title: '{{name}} · residents’ QR code',
        hint: 'Residents scan it to report a dispute, follow their case and book a mediation. Print it for the service window or the village notice board.',
        address: 'Address the code opens',
        svg: 'Download SVG (print)',
        png: 'Download PNG',
        off: 'Resident services are not enabled for this center.',
      },
    },
  },
  true,
  false,
);

/** The unit's printable code from GET /qr/<tenant>/<unit>.svg|png, with the signed-in person's token. */
async function fetchQr(tenant: string, unitId: string, format: 'svg' | 'png'): Promise<Response> {
  const headers: Record<string, string> = {};
  const t = token();
  if (t) headers['authorization'] = `Bearer ${t}`;
  const chosen = currentTenant();
  if (chosen) headers['x-tenant-id'] = chosen;
  const res = await fetch(`/qr/${encodeURIComponent(tenant)}/${unitId}.${format}`, { headers });
  if (res.status === 401) signIn(undefined, true);
  return res;
}

async function save(res: Response, fallback: string): Promise<void> {
  const blob = await res.blob();
  const star = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = star ? decodeURIComponent(star[1]!) : fallback;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function QrDialog({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data } = useQuery(ConfigUnitQrDocument, { variables: { id: unitId }, fetchPolicy: 'network-only' });
  const tenant = data?.me.currentTenant?.code;
  const unit = data?.orgUnit;
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!tenant || !unit?.residentUrl) return;
    let live = true;
    void fetchQr(tenant, unitId, 'svg').then(async (res) => {
      if (!live) return;
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setProblem(body?.error?.message ?? res.statusText);
        return;
      }
      // A data: URL, as the page's CSP allows for images (blob: is not).
      setPreview(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(await res.text())}`);
    });
    return () => {
      live = false;
    };
  }, [tenant, unit?.residentUrl, unitId]);

  const download = async (format: 'svg' | 'png') => {
    if (!tenant) return;
    const res = await fetchQr(tenant, unitId, format);
    if (res.ok) await save(res, `${unit?.name ?? 'qr'}.${format}`);
    else setProblem(res.statusText);
  };

  return (
    <Modal open title={t('config.qr.title', { name: unit?.name ?? '' })} onCancel={onClose} footer={null}>
      {!data ? (
        <Spin />
      ) : !unit?.residentUrl ? (
        <Alert type="info" showIcon title={t('config.qr.off')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('config.qr.hint')}</Typography.Paragraph>
          {problem && <Alert type="error" showIcon title={problem} />}
          <div style={{ textAlign: 'center', minHeight: 200 }}>
            {preview ? (
              <img src={preview} alt={t('config.qr.title', { name: unit.name })} style={{ width: 240 }} />
            ) : (
              !problem && <Spin />
            )}
          </div>
          <Typography.Text>
            {t('config.qr.address')}：<Typography.Text copyable>{unit.residentUrl}</Typography.Text>
          </Typography.Text>
          <Space wrap>
            <Button type="primary" onClick={() => void download('svg')}>
              {t('config.qr.svg')}
            </Button>
            <Button onClick={() => void download('png')}>{t('config.qr.png')}</Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}

/** 二维码: one button per org unit; the dialog shows the residents' code and downloads it as SVG or PNG. */
export function UnitQrButton({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        {t('config.qr.button')}
      </Button>
      {open && <QrDialog unitId={unitId} onClose={() => setOpen(false)} />}
    </>
  );
}
