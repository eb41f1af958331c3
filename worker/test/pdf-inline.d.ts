// Vite's `?inline` import: the file as a data: URL (tests read fixture documents this way; workerd has no fs).
declare module '*?inline' {
  const dataUrl: string;
  export default dataUrl;
}
