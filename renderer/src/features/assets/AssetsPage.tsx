import Inventory2Icon from '@mui/icons-material/Inventory2';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function AssetsPage() {
  return <ComingLaterPage feature="assets" icon={<Inventory2Icon />} />;
}
