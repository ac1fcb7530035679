// SQL files are imported as text (esbuild's text loader in builds, a small plugin in vitest.config.ts).
declare module '*.sql' {
  const sql: string;
  export default sql;
}
