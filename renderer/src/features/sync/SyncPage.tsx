import SyncIcon from '@mui/icons-material/Sync';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function SyncPage() {
  return <ComingLaterPage feature="sync" icon={<SyncIcon />} />;
}
