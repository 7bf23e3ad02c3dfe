import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudQueueIcon from '@mui/icons-material/CloudQueue';
import SyncDisabledIcon from '@mui/icons-material/SyncDisabled';
import SyncIcon from '@mui/icons-material/Sync';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import type { SvgIconProps } from '@mui/material';
import { keyframes } from '@mui/material/styles';
import type { SyncState } from '@shared/api/sync.contract';

const spin = keyframes`from { transform: rotate(360deg); } to { transform: rotate(0deg); }`;

/** One icon per sync state; the syncing one turns (not for people who asked for less motion). */
export function SyncStateIcon({ state, ...props }: { state: SyncState } & SvgIconProps) {
  switch (state) {
    case 'syncing':
      return <SyncIcon {...props} sx={{ '@media (prefers-reduced-motion: no-preference)': { animation: `${spin} 1.2s linear infinite` }, ...props.sx }} />;
    case 'online':
      return <CloudDoneIcon {...props} />;
    case 'offline':
      return <CloudOffIcon {...props} />;
    case 'error':
      return <SyncProblemIcon {...props} />;
    case 'stopped':
      return <SyncDisabledIcon {...props} />;
    default:
      return <CloudQueueIcon {...props} />;
  }
}
