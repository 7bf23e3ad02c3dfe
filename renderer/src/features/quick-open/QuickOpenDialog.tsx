import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import SearchIcon from '@mui/icons-material/Search';
import VideocamOffIcon from '@mui/icons-material/VideocamOff';
import {
  Box,
  Button,
  Dialog,
  DialogContent,
  DialogTitle,
  InputAdornment,
  LinearProgress,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@shared/domain/assets';
import { api, isApiClientError } from '../../api';
import { reportError } from '../../app/errors/report-error';
import { locationPath } from '../assets/asset-format';
import { StatusChip } from '../assets/AssetBadges';
import { CameraScanner } from './CameraScanner';
import { looksLikeAssetId } from './scanner-input';

interface Results {
  /** The text these results are for. */
  text: string;
  exact: Asset | null;
  matches: Asset[];
}

type Item = { kind: 'asset'; asset: Asset } | { kind: 'create'; tag: string };

interface Props {
  initialText: string;
  onOpenAsset(id: string): void;
  onCreateWithTag(tag: string): void;
  onClose(): void;
}

const SEARCH_DELAY_MS = 120;

/**
 * Ctrl+K: find an asset by tag, name, serial number or address and open it.
 * A scanner types the code and Enter faster than the search can answer, so
 * Enter on text whose results have not arrived looks the code up at once and
 * opens an exact tag or serial match directly; an unknown code is offered as
 * the tag of a new asset. The list is a listbox driven by the text field
 * (aria-activedescendant), so focus stays in the field while arrows move.
 */
export function QuickOpenDialog({ initialText, onOpenAsset, onCreateWithTag, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const listId = useId();
  const [text, setText] = useState(initialText);
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [camera, setCamera] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  const search = async (query: string): Promise<Results | null> => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const answer = await api.call('assets.quickOpen', { text: query, limit: 10 });
      if (request !== latest.current) return null;
      const found = { text: query, exact: answer.exact, matches: answer.matches };
      setResults(found);
      return found;
    } catch (error) {
      if (request === latest.current) reportError(error);
      return null;
    } finally {
      if (request === latest.current) setLoading(false);
    }
  };

  // Typing searches after a short pause; every keystroke makes older answers stale.
  useEffect(() => {
    const query = text.trim();
    if (query === '') {
      latest.current += 1;
      return;
    }
    const timer = setTimeout(() => void search(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const query = text.trim();
  const current = results && results.text === query ? results : null;
  const items = query === '' || !current ? [] : itemsOf(current, query);
  const active = Math.min(highlight, Math.max(items.length - 1, 0));

  const openItem = (item: Item) => {
    if (item.kind === 'asset') onOpenAsset(item.asset.id);
    else onCreateWithTag(item.tag);
  };

  /** A scanned or typed code confirmed with Enter before its results were shown. */
  const resolve = async (code: string) => {
    if (looksLikeAssetId(code)) {
      try {
        const { asset } = await api.call('assets.get', { id: code.trim() });
        onOpenAsset(asset.id);
        return;
      } catch (error) {
        if (!isApiClientError(error) || error.code !== 'assets.not-found') reportError(error);
      }
    }
    const found = await search(code);
    if (!found) return;
    if (found.exact) {
      onOpenAsset(found.exact.id);
      return;
    }
    // Nothing to open blindly: show what matched, with "create with this tag" chosen when nothing did.
    const list = itemsOf(found, code);
    setHighlight(found.matches.length === 0 ? list.length - 1 : 0);
  };

  // A scan caught outside the dialog arrives as the initial text.
  const resolvedInitial = useRef(false);
  useEffect(() => {
    if (initialText.trim() !== '' && !resolvedInitial.current) {
      resolvedInitial.current = true;
      void resolve(initialText.trim());
    }
    // Once, for the text the dialog was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((active + step + items.length) % items.length);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      if (query === '') return;
      const item = items[active];
      if (current && !loading && item) openItem(item);
      else void resolve(query);
    }
  };

  const onScanned = (code: string) => {
    setCamera(false);
    setText(code);
    setNotice(t('quickOpen.scanned', { text: code }));
    inputRef.current?.focus();
    void resolve(code);
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
      slotProps={{ paper: { sx: { alignSelf: 'flex-start', mt: '10vh' } } }}
    >
      <DialogTitle id={titleId} sx={{ pb: 1 }}>
        {t('quickOpen.title')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} sx={{ pt: 1 }}>
          <TextField
            autoFocus
            fullWidth
            label={t('quickOpen.label')}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setHighlight(0);
              setNotice(null);
            }}
            onKeyDown={onKeyDown}
            inputRef={inputRef}
            autoComplete="off"
            slotProps={{
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon />
                  </InputAdornment>
                ),
              },
              htmlInput: {
                role: 'combobox',
                'aria-expanded': items.length > 0,
                'aria-controls': listId,
                'aria-autocomplete': 'list',
                'aria-activedescendant': items.length > 0 ? optionId(active) : undefined,
                spellCheck: false,
              },
            }}
          />
          <Box sx={{ height: 4 }}>{loading ? <LinearProgress aria-label={t('quickOpen.searching')} /> : null}</Box>
          {notice ? (
            <Typography variant="body2" role="status">
              {notice}
            </Typography>
          ) : null}
          <List id={listId} role="listbox" aria-label={t('quickOpen.resultsLabel')} dense sx={{ maxHeight: 360, overflow: 'auto', p: 0 }}>
            {items.map((item, index) => (
              <ListItemButton
                key={item.kind === 'asset' ? item.asset.id : 'create'}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                selected={index === active}
                tabIndex={-1}
                onMouseEnter={() => setHighlight(index)}
                onClick={() => openItem(item)}
              >
                {item.kind === 'asset' ? (
                  <>
                    <ListItemText
                      primary={item.asset.name}
                      secondary={[t(`assetTypes.${item.asset.type}`), item.asset.assetTag, item.asset.managementIps[0], locationPath(item.asset.location)]
                        .filter(Boolean)
                        .join(' · ')}
                    />
                    <StatusChip status={item.asset.status} />
                  </>
                ) : (
                  <>
                    <ListItemIcon sx={{ minWidth: 36 }}>
                      <AddCircleOutlineIcon color="primary" />
                    </ListItemIcon>
                    <ListItemText primary={t('quickOpen.create', { tag: item.tag })} />
                  </>
                )}
              </ListItemButton>
            ))}
          </List>
          {current && current.matches.length === 0 && !current.exact ? (
            <Typography variant="body2" color="text.secondary">
              {t('quickOpen.noMatches', { text: query })}
            </Typography>
          ) : null}
          {camera ? <CameraScanner onCode={onScanned} /> : null}
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="caption" color="text.secondary">
              {t('quickOpen.hint')}
            </Typography>
            <Button
              size="small"
              startIcon={camera ? <VideocamOffIcon /> : <PhotoCameraIcon />}
              onClick={() => setCamera((on) => !on)}
              aria-pressed={camera}
            >
              {camera ? t('quickOpen.stopCamera') : t('quickOpen.camera')}
            </Button>
          </Stack>
        </Stack>
      </DialogContent>
    </Dialog>
  );
}

/** Exact match first, then the other matches, then "create with this tag" when nothing matched the code exactly. */
function itemsOf(results: Results, query: string): Item[] {
  const items: Item[] = [];
  if (results.exact) items.push({ kind: 'asset', asset: results.exact });
  for (const asset of results.matches) if (asset.id !== results.exact?.id) items.push({ kind: 'asset', asset });
  if (!results.exact) items.push({ kind: 'create', tag: query });
  return items;
}
