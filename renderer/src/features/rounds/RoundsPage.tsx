import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function RoundsPage() {
  return <ComingLaterPage feature="rounds" icon={<FactCheckIcon />} />;
}
