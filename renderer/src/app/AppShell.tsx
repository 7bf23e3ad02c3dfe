import MenuIcon from '@mui/icons-material/Menu';
import {
  AppBar,
  Box,
  Chip,
  Drawer,
  IconButton,
  Link,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { AssetFormHost } from '../features/assets/form/AssetFormHost';
import { EmergencyPlansButton } from '../features/emergency-plans/EmergencyPlansButton';
import { SyncStatusIndicator } from '../features/sync/SyncStatusIndicator';
import { QuickOpenButton, QuickOpenHost } from '../features/quick-open/QuickOpenHost';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { DETAIL_ROUTES, HOME_PATH, NAV_ITEMS } from './navigation';
import { useSession } from './session.store';

const DRAWER_WIDTH = 220;

export function AppShell() {
  const { t } = useTranslation();
  const theme = useTheme();
  // A laptop screen keeps the drawer open; a narrow window folds it behind a button.
  const wide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const profile = useSession((state) => state.info?.profile ?? null);

  const navigation = (
    <Box component="nav" aria-label={t('app.navigation')}>
      <List>
        {NAV_ITEMS.map(({ key, path, Icon }) => (
          <ListItemButton
            key={key}
            component={NavLink}
            to={path}
            onClick={() => setDrawerOpen(false)}
            selected={location.pathname === path || DETAIL_ROUTES.some((route) => route.section === key && matchPath(route.path, location.pathname))}
            sx={{ mx: 1, borderRadius: 1 }}
          >
            <ListItemIcon sx={{ minWidth: 36 }}>
              <Icon />
            </ListItemIcon>
            <ListItemText primary={t(`nav.${key}`)} />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main-content"
        onClick={(event) => {
          // The hash router owns the URL fragment, so move focus by hand.
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
        sx={{
          position: 'absolute',
          left: -9999,
          zIndex: (z) => z.zIndex.tooltip,
          '&:focus': { left: 8, top: 8, p: 1, bgcolor: 'background.paper' },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppBar position="fixed" color="primary" sx={{ zIndex: (z) => z.zIndex.drawer + 1 }}>
        <Toolbar>
          {wide ? null : (
            <IconButton color="inherit" edge="start" aria-label={t('app.openNavigation')} onClick={() => setDrawerOpen(true)} sx={{ mr: 1 }}>
              <MenuIcon />
            </IconButton>
          )}
          <Typography component="div" variant="h6" sx={{ flexGrow: 1, fontWeight: 600 }}>
            {t('app.name')}
          </Typography>
          <SyncStatusIndicator />
          <EmergencyPlansButton />
          <QuickOpenButton />
          {profile ? (
            <Chip
              variant="outlined"
              label={`${profile.name} · ${t(`roles.${profile.role}`)}`}
              sx={{ color: 'inherit', borderColor: 'rgba(255,255,255,0.5)' }}
            />
          ) : null}
        </Toolbar>
      </AppBar>
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || drawerOpen}
        onClose={() => setDrawerOpen(false)}
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        {navigation}
      </Drawer>
      <Box component="main" id="main-content" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: 3, outline: 'none' }}>
        <Toolbar />
        <ErrorBoundary key={location.pathname} title={t('errors.pageCrashed')} retryLabel={t('app.retry')}>
          <Routes>
            {NAV_ITEMS.map(({ key, path, Page }) => (
              <Route key={key} path={path} element={<Page />} />
            ))}
            {DETAIL_ROUTES.map(({ path, Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            <Route path="*" element={<Navigate to={HOME_PATH} replace />} />
          </Routes>
        </ErrorBoundary>
      </Box>
      <QuickOpenHost />
      <AssetFormHost />
    </Box>
  );
}
