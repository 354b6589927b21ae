import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm start`: serves the demo pages in demo/ (which import the library straight from src/).
export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
