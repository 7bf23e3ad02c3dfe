import { app, dialog } from 'electron';
import type { Language } from '@shared/domain/profile';

// Main has no i18n framework (that lives in the renderer); this is its only user-facing text.
const TEXT = {
  'zh-CN': {
    title: '巡检运维台',
    message: '数据服务多次意外停止，已不再自动重启。',
    detail: '已保存的数据不受影响。请重新启动应用；如果问题仍然存在，请联系技术支持并提供日志。',
    restart: '重新启动',
    quit: '退出',
  },
  en: {
    title: 'Walkdown',
    message: 'The data service stopped unexpectedly several times and will not be restarted again.',
    detail: 'Data already saved is not affected. Restart Walkdown; if this keeps happening, contact support with the logs.',
    restart: 'Restart Walkdown',
    quit: 'Quit',
  },
} satisfies Record<Language, Record<string, string>>;

/** Tells the user core is gone for good and offers the one thing that can help: a fresh start. */
export async function showCoreFailureDialog(language: Language): Promise<void> {
  const text = TEXT[language];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [text.restart, text.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response === 0) app.relaunch();
  app.exit(0);
}
