import ArticleOutlinedIcon from '@mui/icons-material/ArticleOutlined';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import FolderZipOutlinedIcon from '@mui/icons-material/FolderZipOutlined';
import ImageOutlinedIcon from '@mui/icons-material/ImageOutlined';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { Box, ButtonBase, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@shared/domain/attachments';
import { formatBytes } from '../../i18n/format';
import { useThumbnail } from './thumbnail-cache';

interface TileProps {
  attachment: Attachment;
  onOpen(): void;
  /** Absent when the panel is read-only. */
  onDelete?: () => void;
}

/** A photo as a square thumbnail that opens the preview. */
export function ImageTile({ attachment, onOpen, onDelete }: TileProps) {
  const { t } = useTranslation();
  const url = useThumbnail(attachment);
  const unavailable = !attachment.contentAvailable;
  return (
    <Paper variant="outlined" sx={{ position: 'relative', overflow: 'hidden' }}>
      <Tooltip title={unavailable ? t('attachments.notOnDevice') : attachment.note || attachment.fileName}>
        <span>
          <ButtonBase
            onClick={onOpen}
            disabled={unavailable}
            aria-label={t('attachments.openImage', { name: attachment.fileName })}
            sx={{ display: 'block', width: '100%', textAlign: 'left', '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } }}
          >
            <Box sx={{ aspectRatio: '1', bgcolor: 'action.hover', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              {url ? (
                <Box component="img" src={url} alt="" sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
              ) : (
                <ImageOutlinedIcon color="disabled" fontSize="large" />
              )}
            </Box>
            <Typography variant="caption" noWrap component="div" sx={{ px: 1, py: 0.5 }}>
              {attachment.fileName}
            </Typography>
          </ButtonBase>
        </span>
      </Tooltip>
      {onDelete ? <DeleteButton name={attachment.fileName} onClick={onDelete} overlay /> : null}
    </Paper>
  );
}

const KIND_ICONS: Record<Attachment['kind'], ReactNode> = {
  image: <ImageOutlinedIcon />,
  document: <DescriptionOutlinedIcon />,
  text: <ArticleOutlinedIcon />,
  archive: <FolderZipOutlinedIcon />,
};

/** Any other file as a chip with its type icon, name and size; activating it downloads the file. */
export function FileChip({ attachment, onOpen, onDelete }: TileProps) {
  const { t, i18n } = useTranslation();
  const unavailable = !attachment.contentAvailable;
  const icon = attachment.mimeType === 'application/pdf' ? <PictureAsPdfOutlinedIcon /> : KIND_ICONS[attachment.kind];
  return (
    <Paper variant="outlined" sx={{ display: 'flex', alignItems: 'center', maxWidth: 360, borderRadius: 4 }}>
      <Tooltip title={unavailable ? t('attachments.notOnDevice') : attachment.note || t('attachments.downloadFile', { name: attachment.fileName })}>
        <span style={{ minWidth: 0, flex: 1 }}>
          <ButtonBase
            onClick={onOpen}
            disabled={unavailable}
            aria-label={t('attachments.downloadFile', { name: attachment.fileName })}
            sx={{ width: '100%', justifyContent: 'flex-start', borderRadius: 4, px: 1.5, py: 0.75, '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main' } }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0, color: unavailable ? 'text.disabled' : 'text.primary' }}>
              <Box sx={{ display: 'flex', color: 'text.secondary' }}>{icon}</Box>
              <Typography variant="body2" noWrap sx={{ minWidth: 0 }}>
                {attachment.fileName}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                {formatBytes(attachment.sizeBytes, i18n.language)}
              </Typography>
            </Stack>
          </ButtonBase>
        </span>
      </Tooltip>
      {onDelete ? <DeleteButton name={attachment.fileName} onClick={onDelete} /> : null}
    </Paper>
  );
}

function DeleteButton({ name, onClick, overlay = false }: { name: string; onClick(): void; overlay?: boolean }) {
  const { t } = useTranslation();
  const label = t('attachments.deleteFile', { name });
  return (
    <Tooltip title={label}>
      <IconButton
        size="small"
        aria-label={label}
        onClick={onClick}
        sx={overlay ? { position: 'absolute', top: 4, right: 4, bgcolor: 'background.paper', '&:hover': { bgcolor: 'background.paper' }, boxShadow: 1 } : { mr: 0.5 }}
      >
        <DeleteOutlinedIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
