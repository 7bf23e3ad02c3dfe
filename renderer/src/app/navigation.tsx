import AssessmentIcon from '@mui/icons-material/Assessment';
import BugReportIcon from '@mui/icons-material/BugReport';
import DashboardIcon from '@mui/icons-material/Dashboard';
import TableViewIcon from '@mui/icons-material/TableView';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import PublishedWithChangesIcon from '@mui/icons-material/PublishedWithChanges';
import SettingsIcon from '@mui/icons-material/Settings';
import SyncIcon from '@mui/icons-material/Sync';
import type { ComponentType } from 'react';
import { AssetDetailPage } from '../features/assets/detail/AssetDetailPage';
import { AssetsPage } from '../features/assets/AssetsPage';
import { ChangeDetailPage } from '../features/changes/ChangeDetailPage';
import { ChangesPage } from '../features/changes/ChangesPage';
import { ChecksPage } from '../features/checks/ChecksPage';
import { EmergencyPlanPage } from '../features/emergency-plans/EmergencyPlanPage';
import { EmergencyPlansPage } from '../features/emergency-plans/EmergencyPlansPage';
import { IncidentDetailPage } from '../features/incidents/detail/IncidentDetailPage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { IpPlanPage } from '../features/ip-plan/IpPlanPage';
import { KnowledgeArticlePage } from '../features/knowledge/KnowledgeArticlePage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { LocationsPage } from '../features/locations/LocationsPage';
import { ProblemDetailPage } from '../features/problems/ProblemDetailPage';
import { ProblemsPage } from '../features/problems/ProblemsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ServiceReportPage } from '../features/reports/ServiceReportPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { RecordsPage } from '../features/records/RecordsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { RoundsPage } from '../features/rounds/RoundsPage';
import { RoundsHistoryPage } from '../features/rounds/history/RoundsHistoryPage';
import { RoundRunnerPage } from '../features/rounds/runner/RoundRunnerPage';
import { SchedulesPage } from '../features/rounds/schedules/SchedulesPage';
import { TemplateEditorPage } from '../features/rounds/templates/TemplateEditorPage';
import { TemplatesPage } from '../features/rounds/templates/TemplatesPage';
import { RackPage } from '../features/racks/RackPage';

export type NavKey = 'assets' | 'locations' | 'rounds' | 'incidents' | 'problems' | 'knowledge' | 'changes' | 'checks' | 'sync' | 'dashboard' | 'records' | 'reports' | 'settings';

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
  { key: 'changes', path: '/changes', Icon: PublishedWithChangesIcon, Page: ChangesPage },
  { key: 'checks', path: '/checks', Icon: NetworkCheckIcon, Page: ChecksPage },
  { key: 'sync', path: '/sync', Icon: SyncIcon, Page: SyncPage },
  { key: 'dashboard', path: '/dashboard', Icon: DashboardIcon, Page: DashboardPage },
  { key: 'records', path: '/records', Icon: TableViewIcon, Page: RecordsPage },
  { key: 'reports', path: '/reports', Icon: AssessmentIcon, Page: ReportsPage },
  { key: 'settings', path: '/settings', Icon: SettingsIcon, Page: SettingsPage },
];

/** Pages reached from another page rather than the drawer; `section` is the drawer entry they belong to. */
export const DETAIL_ROUTES: readonly { path: `/${string}`; section: NavKey; Page: ComponentType }[] = [
  { path: '/assets/:id', section: 'assets', Page: AssetDetailPage },
  { path: '/racks/:id', section: 'locations', Page: RackPage },
  { path: '/ip-plan/:siteId', section: 'locations', Page: IpPlanPage },
  { path: '/incidents/:id', section: 'incidents', Page: IncidentDetailPage },
  { path: '/problems/:id', section: 'problems', Page: ProblemDetailPage },
  { path: '/knowledge/:id', section: 'knowledge', Page: KnowledgeArticlePage },
  { path: '/changes/:id', section: 'changes', Page: ChangeDetailPage },
  /** Emergency plans are reached from the top bar, not the drawer. */
  { path: '/plans', section: 'incidents', Page: EmergencyPlansPage },
  { path: '/plans/:id', section: 'incidents', Page: EmergencyPlanPage },
  { path: '/reports/:id', section: 'reports', Page: ServiceReportPage },
  { path: '/rounds/templates', section: 'rounds', Page: TemplatesPage },
  { path: '/rounds/templates/:id', section: 'rounds', Page: TemplateEditorPage },
  { path: '/rounds/schedules', section: 'rounds', Page: SchedulesPage },
  { path: '/rounds/history', section: 'rounds', Page: RoundsHistoryPage },
  { path: '/rounds/:id', section: 'rounds', Page: RoundRunnerPage },
];

/** The rounds home (overdue, today, upcoming) is the resident engineer's main screen, so the app opens there. */
export const HOME_PATH = '/rounds';
