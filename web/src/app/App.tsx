import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { client } from './apollo';
import { signIn, token } from './auth';
import { Shell } from './Shell';
import { ACCESSIBLE_COLOURS } from './theme';

// Each screen loads on demand: the first paint carries only the shell and the page it shows.
const DevLogin = lazy(() => import('../routes/login/DevLogin'));
const Callback = lazy(() => import('../routes/login/Callback'));
const CaseDesk = lazy(() => import('../routes/cases/CaseDesk'));
const CasePage = lazy(() => import('../routes/cases/CasePage'));
const Intake = lazy(() => import('../routes/intake/Intake'));
const Inbox = lazy(() => import('../routes/notifications/Inbox'));
const Board = lazy(() => import('../routes/board/Board'));
const Config = lazy(() => import('../routes/config/Config'));
const Consultations = lazy(() => import('../routes/consultations/Consultations'));

/** Ant Design's CSS-in-JS puts this nonce on its <style> tags, as the page's CSP requires. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

function Signed({ children }: { children: ReactNode }) {
  if (!token()) {
    signIn();
    return <Spin fullscreen />;
  }
  return <Shell>{children}</Shell>;
}

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      csp={nonce ? { nonce } : undefined}
      theme={{
        token: {
          ...ACCESSIBLE_COLOURS,
        },
      }}
    >
      <AntApp>
        <ApolloProvider client={client}>
          <BrowserRouter>
            <Suspense fallback={<Spin fullscreen />}>
              <Routes>
                <Route path="/dev-login" element={<DevLogin />} />
                <Route path="/auth/callback" element={<Callback />} />
                <Route path="/auth/silent" element={<Callback silent />} />
                <Route path="/" element={<Navigate to="/cases" replace />} />
                <Route
                  path="/cases"
                  element={
                    <Signed>
                      <CaseDesk />
                    </Signed>
                  }
                />
                <Route
                  path="/cases/:id"
                  element={
                    <Signed>
                      <CasePage />
                    </Signed>
                  }
                />
                <Route
                  path="/intake"
                  element={
                    <Signed>
                      <Intake />
                    </Signed>
                  }
                />
                <Route
                  path="/inbox"
                  element={
                    <Signed>
                      <Inbox />
                    </Signed>
                  }
                />
                <Route
                  path="/consultations"
                  element={
                    <Signed>
                      <Consultations />
                    </Signed>
                  }
                />
                <Route path="/board" element={<Board />} />
                <Route
                  path="/config"
                  element={
                    <Signed>
                      <Config />
                    </Signed>
                  }
                />
                <Route path="*" element={<Navigate to="/cases" replace />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
