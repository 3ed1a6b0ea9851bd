import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: built to dist/renderer, loaded by Electron from disk or by the local browser host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Group only the matched modules; the data grid then loads with the pages that use it.
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'vendor-datagrid',
              // Its Chinese texts are needed by the theme at start-up; the grid itself is not.
              test: (id) => /node_modules[\\/]@mui[\\/]x-/.test(id) && !/[\\/](locales|getGridLocalization)/.test(id),
              priority: 30,
            },
            { name: 'vendor-mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)/, priority: 20 },
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
