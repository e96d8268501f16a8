import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import type { DataError } from '../domain/data/journey';
import type { ImportResult } from './types';
import { pointerToPath } from './located';
import { geoJsonToRoute } from './geojson';
import { decodeText, LineCounter, scanXml } from './xml';

/** KML is read into a DOM (togeojson needs one): larger files are refused. */
export const KML_MAX_BYTES = 30 * 1024 * 1024;

/**
 * Reads a KML file through @tmcw/togeojson, then as GeoJSON: LineStrings (and MultiGeometry lines)
 * become legs in document order, Points with a `<name>` become stations. The XML is first checked
 * by our own scanner, so a broken file is reported with its line; a bad coordinate is reported
 * at its `<Placemark>`'s line. The DOM is @xmldom/xmldom's, so this runs in a Web Worker (which
 * has no DOMParser) and in Node alike. Never throws.
 */
export function importKml(text: string, fileName: string): ImportResult {
  const lines = new LineCounter(text);
  const placemarks: number[] = [];
  let root: string | undefined;
  const stack: string[] = [];
  let docName: string | undefined;
  let collecting = false;
  const xmlError = scanXml(text, {
    open(local, _attrs, at) {
      root ??= local;
      if (local === 'Placemark') placemarks.push(at);
      collecting =
        local === 'name' && stack[stack.length - 1] === 'Document' && docName === undefined;
      if (collecting) docName = '';
      stack.push(local);
    },
    text(start, end, raw) {
      if (collecting) docName += decodeText(text, start, end, raw);
    },
    close() {
      stack.pop();
      collecting = false;
    },
  });
  const fileError = (message: string, at = 0): DataError => ({
    file: fileName,
    path: '',
    ...lines.at(at),
    message,
  });
  if (xmlError)
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          path: '',
          ...xmlError,
          message: `not well-formed XML: ${xmlError.message}`,
        },
      ],
    };
  if (root !== 'kml')
    return { ok: false, errors: [fileError(`the root element is <${root}>, not <kml>`)] };
  if (text.length > KML_MAX_BYTES)
    return {
      ok: false,
      errors: [
        fileError(
          `KML files above ${KML_MAX_BYTES / 1024 / 1024} MB are not supported (this one has ${(text.length / 1024 / 1024).toFixed(1)} MB of text): save the track as GPX or GeoJSON`,
        ),
      ],
    };

  let collection: unknown;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    collection = kmlToGeoJson(doc as unknown as Document);
  } catch (err) {
    return {
      ok: false,
      errors: [
        fileError(`could not read the KML: ${err instanceof Error ? err.message : String(err)}`),
      ],
    };
  }

  const result = geoJsonToRoute(collection, fileName, (pointer, message) => {
    const m = /^\/features\/(\d+)(?:\/geometry)?(.*)$/.exec(pointer);
    const index = m ? Number(m[1]) : -1;
    const at = placemarks[index];
    if (!m || at === undefined) return fileError(message);
    const inner = pointerToPath(m[2] ?? '');
    return fileError(`<Placemark> ${index + 1}${inner ? `, ${inner}` : ''}: ${message}`, at);
  });
  if (!result.ok) return result;
  const name = docName?.trim().slice(0, 200);
  return name ? { ok: true, value: { ...result.value, name } } : result;
}
