import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { completeSignIn, completeSilentRenew, signIn } from '../../app/auth';

/** The OIDC redirect target: finish code + PKCE, then back to the page the person was on. */
export default function Callback({ silent = false }: { silent?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (silent) {
      void completeSilentRenew();
      return;
    }
    completeSignIn()
      .then((to) => navigate(to, { replace: true }))
      .catch(() => setFailed(true));
  }, [navigate, silent]);
  if (silent) return null;
  return failed ? (
    <Result
      status="warning"
      title={<Alert type="error" message={t('login.callbackFailed')} />}
      extra={<Button onClick={() => signIn('/cases')}>{t('common.confirm')}</Button>}
    />
  ) : (
    <Spin fullscreen tip={t('login.redirecting')} />
  );
}
