/** CSS files are bundled as their text (webpack `asset/source`), so one HTML file can inline them. */
declare module "*.css" {
  const text: string;
  export default text;
}
