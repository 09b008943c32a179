import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { twinStaticPlugin } from './tools/server/vite-static-plugin.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Vendor chunks: only modules on the initial (static) import chain, so lazy code (e.g. XR emulators) stays lazy. */
const vendor = (name: string, test: RegExp, priority: number) => ({ name, test, priority, tags: ['$initial' as const] });

export default defineConfig({
  // Relative asset URLs: dist/ works from any static path.
  base: './',
  plugins: [react(), twinStaticPlugin({ version })],
  define: {
    __APP_VERSION__: JSON.stringify(version),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            vendor('vendor-react', /[\\/]node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/, 30),
            vendor('vendor-three', /[\\/]node_modules[\\/](three|@react-three[\\/]fiber|3d-tiles-renderer|its-fine|suspend-react|react-use-measure)[\\/]/, 20),
            vendor('vendor', /[\\/]node_modules[\\/]/, 10),
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
  },
});
