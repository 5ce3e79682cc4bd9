import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the build at / (same origin as /graphql); in `vite dev` the API is proxied.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
      '/config.json': 'http://127.0.0.1:4000',
      '/dev-auth': 'http://127.0.0.1:4000',
    },
  },
});
