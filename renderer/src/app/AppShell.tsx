import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  PhoneOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Skeleton, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { uiText } from '../i18n/zh-CN';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { NotBuiltPage } from '../pages/NotBuiltPage';
import {
  AgreementPage,
  AgreementsIndexPage,
  CasePage,
  FollowUpsPage,
  IntakePage,
  LedgerPage,
  ReportsPage,
  SettingsPage,
} from './lazy-pages';
import { NAV_ITEMS } from './navigation';

const ICONS: Record<string, ReactNode> = {
  '/dashboard': <DashboardOutlined />,
  '/intake': <FormOutlined />,
  '/cases': <AuditOutlined />,
  '/agreements': <FileTextOutlined />,
  '/follow-ups': <PhoneOutlined />,
  '/reports': <BarChartOutlined />,
  '/settings': <SettingOutlined />,
};

export function AppShell({ status }: { status: SystemStatus }) {
  const location = useLocation();
  const navigate = useNavigate();
  const selected = NAV_ITEMS.find((item) => location.pathname.startsWith(item.path))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <Typography.Title level={4} style={{ padding: '16px 20px', margin: 0 }}>
          {uiText.appName}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={NAV_ITEMS.map((item) => ({
            key: item.path,
            icon: ICONS[item.path],
            label: item.label,
          }))}
          onClick={({ key }) => void navigate(key)}
        />
        <Typography.Text type="secondary" style={{ padding: '16px 20px', display: 'block' }}>
          v{status.appVersion}
        </Typography.Text>
      </Layout.Sider>
      <Layout.Content style={{ padding: 24 }}>
        <Suspense fallback={<Skeleton active data-testid="page-loading" />}>
          <Routes>
            <Route path="/" element={<Navigate to="/dashboard" replace />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/intake" element={<IntakePage />} />
            <Route path="/cases" element={<LedgerPage />} />
            <Route path="/cases/:id" element={<CasePage key={location.pathname} />} />
            <Route path="/agreements" element={<AgreementsIndexPage />} />
            <Route path="/agreements/:id" element={<AgreementPage key={location.pathname} />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/follow-ups" element={<FollowUpsPage />} />
            {NAV_ITEMS.filter((item) => !item.built).map((item) => (
              <Route
                key={item.path}
                path={item.path}
                element={<NotBuiltPage name={item.label} />}
              />
            ))}
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
