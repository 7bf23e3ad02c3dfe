import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function IncidentsPage() {
  return <ComingLaterPage feature="incidents" icon={<ReportProblemIcon />} />;
}
