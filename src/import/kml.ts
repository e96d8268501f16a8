import { DOMImplementation, type Element as XmlElement } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import type { DataError } from '../domain/data/journey';
import type { ImportResult } from './types';
import { pointerToPath } from '../domain/data/data-error';
import { geoJsonToRoute } from './geojson';
import { readXml } from './xml';

/** KML is read into a DOM (togeojson needs one): larger files are refused. */
export const KML_MAX_BYTES = 30 * 1024 * 1024;

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/**
 * Reads a KML file through @tmcw/togeojson, then as GeoJSON: LineStrings (and MultiGeometry lines)
 * become legs in document order, Points with a `<name>` become stations. The XML is read once, by
 * `readXml` (saxes, as for GPX), so a broken file is reported with its line, and a bad coordinate
 * at its `<Placemark>`'s line. togeojson walks a DOM (getElementsByTagName, childNodes,
 * getAttribute…), and a Web Worker has no DOM: @xmldom/xmldom is kept only to supply the
 * Document that the saxes events are built into (its own parser is not used). Never throws.
 */
export function importKml(text: string, fileName: string): ImportResult {
  const placemarks: { line: number; column: number }[] = [];
  const doc = new DOMImplementation().createDocument(null, '');
  const open: (typeof doc | XmlElement)[] = [doc];
  let root: string | undefined;
  let docName: string | undefined;
  let collecting = false;
  const fits = text.length <= KML_MAX_BYTES;
  const xmlError = readXml(
    text,
    {
      open(tag, line, column) {
        const parent = open[open.length - 1]!;
        root ??= tag.local;
        if (tag.local === 'Placemark') placemarks.push({ line, column });
        collecting =
          tag.local === 'name' &&
          'localName' in parent &&
          parent.localName === 'Document' &&
          docName === undefined;
        if (collecting) docName = '';
        if (!fits) return;
        const el = doc.createElementNS(tag.uri || null, tag.name);
        for (const [name, value] of Object.entries(tag.attributes))
          if (name === 'xmlns' || name.startsWith('xmlns:')) el.setAttributeNS(XMLNS, name, value);
          else el.setAttribute(name, value);
        parent.appendChild(el);
        open.push(el);
      },
      text(t, cdata) {
        if (collecting) docName += t;
        if (!fits || open.length < 2) return;
        open[open.length - 1]!.appendChild(
          cdata ? doc.createCDATASection(t) : doc.createTextNode(t),
        );
      },
      close() {
        if (fits) open.pop();
        collecting = false;
      },
    },
    { namespaces: true },
  );
  const fileError = (message: string, at = { line: 1, column: 1 }): DataError => ({
    file: fileName,
    path: '',
    ...at,
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
