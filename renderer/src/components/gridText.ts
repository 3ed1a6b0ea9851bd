import type { GridLocaleText } from '@mui/x-data-grid';
import { zhCN } from '@mui/x-data-grid/locales';

const BASE: Partial<GridLocaleText> = zhCN.components.MuiDataGrid.defaultProps.localeText ?? {};

/**
 * A grid's own texts on top of the Chinese ones. A `localeText` prop replaces the theme's texts
 * entirely instead of adding to them, so any grid that sets one must start from these.
 */
export function gridText(overrides: Partial<GridLocaleText>): Partial<GridLocaleText> {
  return { ...BASE, ...overrides };
}
