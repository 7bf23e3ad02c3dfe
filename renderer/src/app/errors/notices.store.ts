import { create } from 'zustand';

export type NoticeSeverity = 'success' | 'info' | 'error';

export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Notice {
  id: number;
  severity: NoticeSeverity;
  /** Already translated. */
  text: string;
  /** Shown for errors, next to the text. */
  code?: string;
  action?: NoticeAction;
}

interface NoticesState {
  queue: Notice[];
  show(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

/**
 * One snackbar at a time, the rest wait: several errors at once (a reload with
 * the backend gone) must not stack over the page, and none may be lost.
 */
export const useNotices = create<NoticesState>()((set) => ({
  queue: [],
  show: (notice) => set((state) => ({ queue: [...state.queue, { ...notice, id: nextId++ }] })),
  dismiss: (id) => set((state) => ({ queue: state.queue.filter((notice) => notice.id !== id) })),
}));
