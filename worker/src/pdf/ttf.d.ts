// TrueType fonts are bundled as binary modules (wrangler.toml [[rules]] type = "Data"): the import is an ArrayBuffer.
declare module '*.ttf' {
  const bytes: ArrayBuffer;
  export default bytes;
}
