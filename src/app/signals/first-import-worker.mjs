// Starts the first import's signals worker (first-import-worker.ts). Where the sources run as TypeScript (tsx:
// `npm start`, the tests, the CLI's import), the thread registers tsx's loader before importing them.
const source = new URL('./first-import-worker.ts', import.meta.url);
const { register } = await import('tsx/esm/api');
register();
await import(source.href);
