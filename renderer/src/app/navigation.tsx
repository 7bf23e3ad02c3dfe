import AssessmentIcon from '@mui/icons-material/Assessment';
import BugReportIcon from '@mui/icons-material/BugReport';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import SettingsIcon from '@mui/icons-material/Settings';
import SyncIcon from '@mui/icons-material/Sync';
import type { ComponentType } from 'react';
import { AssetDetailPage } from '../features/assets/detail/AssetDetailPage';
import { AssetsPage } from '../features/assets/AssetsPage';
import { ChecksPage } from '../features/checks/ChecksPage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { IpPlanPage } from '../features/ip-plan/IpPlanPage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { LocationsPage } from '../features/locations/LocationsPage';
import { ProblemsPage } from '../features/problems/ProblemsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { RoundsPage } from '../features/rounds/RoundsPage';
import { RackPage } from '../features/racks/RackPage';

export type NavKey = 'assets' | 'locations' | 'rounds' | 'incidents' | 'problems' | 'knowledge' | 'checks' | 'sync' | 'reports' | 'settings';

export interface NavItem {
  key: NavKey;
  path: `/${string}`;
  Icon: ComponentType;
  Page: ComponentType;
}

/** The drawer's order is the order of an engineer's day: what is there, where, the round, what broke. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'assets', path: '/assets', Icon: Inventory2Icon, Page: AssetsPage },
  { key: 'locations', path: '/locations', Icon: LocationCityIcon, Page: LocationsPage },
  { key: 'rounds', path: '/rounds', Icon: FactCheckIcon, Page: RoundsPage },
  { key: 'incidents', path: '/incidents', Icon: ReportProblemIcon, Page: IncidentsPage },
  { key: 'problems', path: '/problems', Icon: BugReportIcon, Page: ProblemsPage },
  { key: 'knowledge', path: '/knowledge', Icon: MenuBookIcon, Page: KnowledgePage },
  { key: 'checks', path: '/checks', Icon: NetworkCheckIcon, Page: ChecksPage },
  { key: 'sync', path: '/sync', Icon: SyncIcon, Page: SyncPage },
  { key: 'reports', path: '/reports', Icon: AssessmentIcon, Page: ReportsPage },
  { key: 'settings', path: '/settings', Icon: SettingsIcon, Page: SettingsPage },
];

/** Pages reached from another page rather than the drawer; `section` is the drawer entry they belong to. */
export const DETAIL_ROUTES: readonly { path: `/${string}`; section: NavKey; Page: ComponentType }[] = [
  { path: '/assets/:id', section: 'assets', Page: AssetDetailPage },
  { path: '/racks/:id', section: 'locations', Page: RackPage },
  { path: '/ip-plan/:siteId', section: 'locations', Page: IpPlanPage },
];

/** Locations is the one working feature, so the app opens there. */
export const HOME_PATH = '/locations';
