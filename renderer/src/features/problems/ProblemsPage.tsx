import BugReportIcon from '@mui/icons-material/BugReport';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function ProblemsPage() {
  return <ComingLaterPage feature="problems" icon={<BugReportIcon />} />;
}
