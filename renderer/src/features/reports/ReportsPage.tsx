import AssessmentIcon from '@mui/icons-material/Assessment';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function ReportsPage() {
  return <ComingLaterPage feature="reports" icon={<AssessmentIcon />} />;
}
