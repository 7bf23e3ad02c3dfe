import { create } from 'zustand';

interface QuickOpenState {
  open: boolean;
  /** Text to start with (a scan caught outside the dialog), looked up at once. */
  initialText: string;
  serial: number;
  show(initialText?: string): void;
  hide(): void;
}

export const useQuickOpen = create<QuickOpenState>()((set) => ({
  open: false,
  initialText: '',
  serial: 0,
  show: (initialText = '') => set((state) => ({ open: true, initialText, serial: state.serial + 1 })),
  hide: () => set({ open: false, initialText: '' }),
}));
