// Vite's `?url` imports: the built file's address, relative to the page (used for PDF.js's worker).
declare module '*?url' {
  const url: string;
  export default url;
}
