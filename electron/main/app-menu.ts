import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Production has no menu on Windows and Linux: the console's own UI holds every
 * command, and Chromium handles copy and paste without one. macOS keeps the
 * standard app, Edit and Window menus because there Cmd+C/V/Q only work
 * through menu items. Development adds reload and the developer tools.
 */
export function installAppMenu({ isPackaged, platform }: { isPackaged: boolean; platform: NodeJS.Platform }): void {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' });
  if (!isPackaged) {
    template.push({
      label: 'Developer',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  Menu.setApplicationMenu(template.length > 0 ? Menu.buildFromTemplate(template) : null);
}
