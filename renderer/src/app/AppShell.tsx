import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Skeleton, Space } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { DeskUser } from '../../../domain/api/accounts-contract';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { UserMenu } from '../desk/UserMenu';
import { uiText } from '../i18n/zh-CN';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { NotBuiltPage } from '../pages/NotBuiltPage';
import {
  AgreementPage,
  AgreementsIndexPage,
  AuditLogPage,
  CasePage,
  FollowUpsPage,
  IntakePage,
  LedgerPage,
  ReportsPage,
  SettingsPage,
} from './lazy-pages';
import { landingPath, mayCall, navItemsFor } from './role-access';
import { PlainTitle, PlainText } from '../components/PlainTypography';

const ICONS: Record<string, ReactNode> = {
  '/dashboard': <DashboardOutlined />,
  '/intake': <FormOutlined />,
  '/cases': <AuditOutlined />,
  '/agreements': <FileTextOutlined />,
  '/follow-ups': <PhoneOutlined />,
  '/reports': <BarChartOutlined />,
  '/settings': <SettingOutlined />,
  '/audit': <SafetyCertificateOutlined />,
};

export function AppShell({ status, user }: { status: SystemStatus; user: DeskUser }) {
  const location = useLocation();
  const navigate = useNavigate();
  const items = navItemsFor(user.role);
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.path;
  const landing = <Navigate to={landingPath(user.role)} replace />;
  // A screen the role may not open is never shown (it would only say FORBIDDEN): its route
  // sends the person to their own first screen instead.
  const open = (path: string, element: ReactNode) =>
    items.some((item) => item.path === path) ? element : landing;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <PlainTitle level={4} style={{ padding: '16px 20px', margin: 0 }}>
          {uiText.appName}
        </PlainTitle>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items.map((item) => ({
            key: item.path,
            icon: ICONS[item.path],
            label: item.label,
          }))}
          onClick={({ key }) => void navigate(key)}
        />
        <PlainText type="secondary" style={{ padding: '16px 20px', display: 'block' }}>
          v{status.appVersion}
        </PlainText>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #eee',
            padding: '0 24px',
            textAlign: 'right',
          }}
        >
          <Space>
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Skeleton active data-testid="page-loading" />}>
            <Routes>
              <Route path="/" element={landing} />
              <Route path="/dashboard" element={open('/dashboard', <DashboardPage />)} />
              <Route path="/intake" element={open('/intake', <IntakePage />)} />
              <Route path="/cases" element={open('/cases', <LedgerPage />)} />
              <Route
                path="/cases/:id"
                element={
                  mayCall(user.role, 'cases.get') ? <CasePage key={location.pathname} /> : landing
                }
              />
              <Route path="/agreements" element={open('/agreements', <AgreementsIndexPage />)} />
              <Route
                path="/agreements/:id"
                element={open('/agreements', <AgreementPage key={location.pathname} />)}
              />
              <Route path="/settings" element={open('/settings', <SettingsPage />)} />
              <Route path="/audit" element={open('/audit', <AuditLogPage />)} />
              <Route path="/reports" element={open('/reports', <ReportsPage />)} />
              <Route path="/follow-ups" element={open('/follow-ups', <FollowUpsPage />)} />
              {items
                .filter((item) => !item.built)
                .map((item) => (
                  <Route
                    key={item.path}
                    path={item.path}
                    element={<NotBuiltPage name={item.label} />}
                  />
                ))}
              <Route path="*" element={landing} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
