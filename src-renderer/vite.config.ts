import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the renderer into build/renderer, loaded from `app:` (Electron) or `/` (web host).
// `base: './'` keeps every asset URL relative so both hosts serve the same files.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    // No inline scripts or data: modules, so the CSP can stay `script-src 'self'`.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // hls.js (~180 kB gz) is its own lazy chunk, loaded only for transcoded (HLS) playback.
    chunkSizeWarningLimit: 700,
  },
  server: { host: '127.0.0.1' },
});
