import { Box, ButtonBase, Typography } from '@mui/material';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetStatus, RackElevation } from '@shared/domain/assets';
import { formatURange } from '../assets/asset-format';
import { STATUS_COLOR } from '../assets/AssetBadges';
import { rackSegments } from './rack-layout';

const U_HEIGHT = 26;

interface Props {
  elevation: RackElevation;
  onOpenDevice(assetId: string): void;
  onAddAt(u: number): void;
}

export function statusColor(theme: Theme, status: AssetStatus): string {
  const color = STATUS_COLOR[status];
  return color === 'default' ? theme.palette.grey[500] : theme.palette[color].main;
}

/**
 * The rack's front, top unit first, numbered as on the rack itself. It is one
 * list with a single tab stop: the arrow keys move between devices and free
 * units, Enter opens a device or starts adding one in a free unit.
 */
export function RackElevationView({ elevation, onOpenDevice, onAddAt }: Props) {
  const { t } = useTranslation();
  const theme = useTheme();
  const segments = rackSegments(elevation.rack.heightU, elevation.occupants);
  const [active, setActive] = useState(0);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(active, segments.length - 1);

  const move = (event: KeyboardEvent) => {
    const last = segments.length - 1;
    const next =
      event.key === 'ArrowDown' ? Math.min(current + 1, last) : event.key === 'ArrowUp' ? Math.max(current - 1, 0) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    itemRefs.current[next]?.focus();
  };

  return (
    <Box sx={{ display: 'inline-flex', bgcolor: theme.palette.mode === 'light' ? 'grey.800' : 'grey.900', p: 1, borderRadius: 1.5, width: '100%', maxWidth: 560 }}>
      <Box
        component="ol"
        aria-label={t('racks.elevationLabel', { name: elevation.rack.name, height: String(elevation.rack.heightU) })}
        onKeyDown={move}
        sx={{ listStyle: 'none', m: 0, p: 0, flexGrow: 1, bgcolor: 'background.paper', borderRadius: 0.5 }}
      >
        {segments.map((segment, index) => {
          const height = segment.kind === 'device' ? Math.min(segment.occupant.uHeight, segment.top) : 1;
          const bottomU = segment.kind === 'device' ? segment.top - height + 1 : segment.u;
          const numbers = Array.from({ length: height }, (_unused, i) => segment.kind === 'device' ? segment.top - i : segment.u);
          const tabIndex = index === current ? 0 : -1;
          const ref = (element: HTMLButtonElement | null) => {
            itemRefs.current[index] = element;
          };
          return (
            <Box component="li" key={segment.kind === 'device' ? segment.occupant.assetId : `free-${segment.u}`} sx={{ display: 'flex', height: height * U_HEIGHT, borderBottom: 1, borderColor: 'divider' }}>
              <Box aria-hidden sx={{ width: 40, flexShrink: 0, display: 'flex', flexDirection: 'column', bgcolor: 'action.hover', borderRight: 1, borderColor: 'divider' }}>
                {numbers.map((u) => (
                  <Box key={u} sx={{ height: U_HEIGHT, lineHeight: `${U_HEIGHT}px`, fontSize: '0.72rem', textAlign: 'right', pr: 0.75, color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                    {u}
                  </Box>
                ))}
              </Box>
              {segment.kind === 'device' ? (
                <ButtonBase
                  ref={ref}
                  tabIndex={tabIndex}
                  onFocus={() => setActive(index)}
                  onClick={() => onOpenDevice(segment.occupant.assetId)}
                  aria-label={t('racks.occupant', {
                    name: segment.occupant.name,
                    type: t(`assetTypes.${segment.occupant.type}`),
                    status: t(`assetStatuses.${segment.occupant.status}`),
                    range: formatURange(bottomU, height),
                  })}
                  sx={{
                    flexGrow: 1,
                    m: '2px',
                    px: 1.5,
                    justifyContent: 'flex-start',
                    textAlign: 'left',
                    borderRadius: 0.5,
                    borderLeft: 6,
                    borderColor: statusColor(theme, segment.occupant.status),
                    bgcolor: alpha(statusColor(theme, segment.occupant.status), 0.14),
                    '&:hover, &.Mui-focusVisible': { bgcolor: alpha(statusColor(theme, segment.occupant.status), 0.26) },
                    '&.Mui-focusVisible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
                    overflow: 'hidden',
                  }}
                >
                  <Box sx={{ minWidth: 0, display: 'flex', alignItems: 'baseline', gap: 1, width: '100%' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {segment.occupant.name}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                      {t(`assetTypes.${segment.occupant.type}`)} · {t(`assetStatuses.${segment.occupant.status}`)}
                    </Typography>
                    <Box sx={{ flexGrow: 1 }} />
                    <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                      {formatURange(bottomU, height)}
                    </Typography>
                  </Box>
                </ButtonBase>
              ) : (
                <ButtonBase
                  ref={ref}
                  tabIndex={tabIndex}
                  onFocus={() => setActive(index)}
                  onClick={() => onAddAt(segment.u)}
                  aria-label={t('racks.freeSlot', { u: String(segment.u) })}
                  sx={{
                    flexGrow: 1,
                    m: '2px',
                    px: 1.5,
                    justifyContent: 'flex-start',
                    borderRadius: 0.5,
                    border: 1,
                    borderStyle: 'dashed',
                    borderColor: 'transparent',
                    color: 'text.disabled',
                    fontSize: '0.75rem',
                    '& .wd-add': { display: 'none' },
                    '&:hover, &.Mui-focusVisible': { borderColor: 'primary.main', color: 'primary.main', '& .wd-add': { display: 'inline' }, '& .wd-free': { display: 'none' } },
                    '&.Mui-focusVisible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
                  }}
                >
                  <span className="wd-free">{t('racks.freeSlotText')}</span>
                  <span className="wd-add">+ {t('racks.freeSlot', { u: String(segment.u) })}</span>
                </ButtonBase>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
