import { lazy, StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { UnitLayout, NoUnit } from './UnitLayout';
import { Home } from './Home';
import { Signed } from './Signed';
import { ACCESSIBLE_COLOURS } from '../app/theme';

// Each page loads when first opened: the QR code's landing page needs none of the forms, pickers
// or case views, and a phone on a slow network shows it sooner.
const Verify = lazy(() => import('./Verify').then((m) => ({ default: m.Verify })));
const Report = lazy(() => import('./Report').then((m) => ({ default: m.Report })));
const MyCases = lazy(() => import('./MyCases').then((m) => ({ default: m.MyCases })));
const CaseDetail = lazy(() => import('./CaseDetail').then((m) => ({ default: m.CaseDetail })));
const Book = lazy(() => import('./Book').then((m) => ({ default: m.Book })));

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

/**
 * The residents' phone pages (/r/<tenant code>/<unit id>, the address of the unit's QR code): a
 * route tree, layout, theme and GraphQL client of their own. Nothing of the staff console loads
 * here — no sign-in, no staff token, no WebSocket.
 */
export function mount(root: Root): void {
  dayjs.locale('zh-cn');
  // The browser's default 8 px body margin would leave a grey rim around the phone layout.
  document.body.style.margin = '0';
  root.render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        csp={nonce ? { nonce } : undefined}
        theme={{
          token: {
            // 16 px text: phones (iOS's WebView in WeChat too) zoom into inputs with smaller text.
            fontSize: 16,
            controlHeight: 40,
            ...ACCESSIBLE_COLOURS,
          },
        }}
      >
        <AntApp>
          <BrowserRouter>
            <Routes>
              <Route path="/r/:tenant/:unit" element={<UnitLayout />}>
                <Route index element={<Home />} />
                <Route path="verify" element={<Verify />} />
                <Route
                  path="report"
                  element={
                    <Signed>
                      <Report />
                    </Signed>
                  }
                />
                <Route
                  path="cases"
                  element={
                    <Signed>
                      <MyCases />
                    </Signed>
                  }
                />
                <Route
                  path="cases/:number"
                  element={
                    <Signed>
                      <CaseDetail />
                    </Signed>
                  }
                />
                <Route
                  path="cases/:number/book"
                  element={
                    <Signed>
                      <Book />
                    </Signed>
                  }
                />
              </Route>
              <Route path="*" element={<NoUnit />} />
            </Routes>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
