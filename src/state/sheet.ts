/** How far (px) a drag on the sheet's handle must go before it opens or closes the sheet. */
export const SHEET_DRAG_PX = 40;

/**
 * Whether the phone's panel sheet is open after the user dragged its handle by `dyPx` (positive
 * down): a pull up opens it, a pull down closes it, a short drag leaves it as it was.
 */
export function sheetOpenAfterDrag(open: boolean, dyPx: number): boolean {
  if (dyPx <= -SHEET_DRAG_PX) return true;
  if (dyPx >= SHEET_DRAG_PX) return false;
  return open;
}
