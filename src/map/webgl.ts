/** Whether the map's WebGL context works right now. */
export type ContextState = 'ok' | 'lost';

/**
 * True when this browser can create a WebGL (2 or 1) context. Call it before creating the map:
 * without WebGL MapLibre cannot draw and the page would stay blank. The probe context is released
 * at once.
 */
export function webglAvailable(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `onChange('lost')` when the map's WebGL context is lost (GPU reset, driver update, too
 * many contexts) and `onChange('ok')` when it is restored; MapLibre itself rebuilds its GL state
 * and redraws on restore. Returns a function that stops watching.
 */
export function watchContext(
  map: { getCanvas(): HTMLCanvasElement },
  onChange: (state: ContextState) => void,
): () => void {
  const canvas = map.getCanvas();
  const lost = () => onChange('lost');
  const restored = () => onChange('ok');
  canvas.addEventListener('webglcontextlost', lost);
  canvas.addEventListener('webglcontextrestored', restored);
  return () => {
    canvas.removeEventListener('webglcontextlost', lost);
    canvas.removeEventListener('webglcontextrestored', restored);
  };
}
