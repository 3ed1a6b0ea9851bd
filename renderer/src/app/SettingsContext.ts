import { createContext, useContext } from 'react';
import type { Settings } from '../../../shared/ipc/schemas/settings';

export interface SettingsContextValue {
  settings: Settings | null;
  setSettings: (settings: Settings) => void;
}

export const SettingsContext = createContext<SettingsContextValue>({ settings: null, setSettings: () => {} });

export const useSettings = () => useContext(SettingsContext);
