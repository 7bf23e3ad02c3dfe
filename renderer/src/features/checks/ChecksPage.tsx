import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function ChecksPage() {
  return <ComingLaterPage feature="checks" icon={<NetworkCheckIcon />} />;
}
