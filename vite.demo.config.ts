import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./demo/${name}.html`, import.meta.url));

// `npm start`: serves the demo pages in demo/ (which import the library straight from src/).
export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  resolve: {
    // A page's `<script src="../src/auto.ts">` reaches the server as /src/auto.ts (a URL cannot climb above the
    // root): map it back to the repository's src/, as the build resolves it from the file.
    alias: [{ find: /^\/src\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }],
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    rolldownOptions: {
      input: {
        index: page('index'),
        article: page('article'),
        phone: page('phone'),
        department: page('department'),
        glossary: page('glossary'),
        playground: page('playground'),
      },
    },
  },
});
