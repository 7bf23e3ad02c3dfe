import { create } from 'zustand';
import type { Incident } from '@shared/domain/incidents';
import type { FormPrefill, IncidentFormValues } from './incident-form-model';

/** What the incident form was opened for: a new incident (maybe from an asset) or an edit. */
export type IncidentFormRequest = { mode: 'create'; prefill: FormPrefill } | { mode: 'edit'; incident: Incident };

interface IncidentFormState {
  request: IncidentFormRequest | null;
  /** Values to start from instead of the request's: a form set aside and taken up again. */
  initialValues: IncidentFormValues | null;
  /** Counts openings, so each one starts a fresh form. */
  serial: number;
  /** A new incident being recorded, set aside while the engineer reads a suggested article. */
  setAside: { request: IncidentFormRequest; values: IncidentFormValues } | null;
  open(request: IncidentFormRequest): void;
  close(): void;
  /** Closes the form keeping what was typed, to be taken up again with `resume`. */
  putAside(values: IncidentFormValues): void;
  resume(): void;
  discardSetAside(): void;
}

export const useIncidentForm = create<IncidentFormState>()((set, get) => ({
  request: null,
  initialValues: null,
  serial: 0,
  setAside: null,
  open: (request) => set((state) => ({ request, initialValues: null, serial: state.serial + 1 })),
  close: () => set({ request: null, initialValues: null }),
  putAside: (values) => {
    const { request } = get();
    if (request) set({ setAside: { request, values }, request: null, initialValues: null });
  },
  resume: () => {
    const { setAside } = get();
    if (setAside) set((state) => ({ request: setAside.request, initialValues: setAside.values, setAside: null, serial: state.serial + 1 }));
  },
  discardSetAside: () => set({ setAside: null }),
}));
