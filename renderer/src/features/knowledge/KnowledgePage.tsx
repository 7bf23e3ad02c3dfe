import MenuBookIcon from '@mui/icons-material/MenuBook';
import { ComingLaterPage } from '../../app/ui/ComingLaterPage';

export function KnowledgePage() {
  return <ComingLaterPage feature="knowledge" icon={<MenuBookIcon />} />;
}
