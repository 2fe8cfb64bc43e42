/**
 * Every size in the report model is in pixels at 96 dpi (what Google Sheets takes). Hosts
 * convert with these: Excel's JavaScript API takes points; an .xlsx column width is in
 * characters of the default font. Font sizes are points everywhere (both hosts take points).
 */

/** Office.js column widths, row heights and chart sizes. Example: 20 px → 15 pt. */
export function pixelsToPoints(pixels: number): number {
  return pixels * 0.75;
}

/**
 * An .xlsx column width: characters of Calibri 11's widest digit (7 px) plus 5 px of cell
 * padding. Example: 159 px → 22 characters.
 */
export function pixelsToCharacters(pixels: number): number {
  return Math.max(0, (pixels - 5) / 7);
}

/** The pixel width of a column `characters` wide (the inverse of pixelsToCharacters). */
export function charactersToPixels(characters: number): number {
  return characters * 7 + 5;
}

/** Height of one line of 11-point text, in pixels (15 pt). */
export const LINE_HEIGHT_PX = 20;
