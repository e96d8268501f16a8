import { describe, expect, it } from 'vitest';
import { decodeText, scanXml, xmlRootName } from './xml';

describe('scanXml', () => {
  it('scanXml reports elements, attributes and decoded text in document order', () => {
    const events: string[] = [];
    const text = '<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; 2"><b/>t&lt;u<![CDATA[<v>]]></a>';
    const error = scanXml(text, {
      open: (n, attrs) => events.push(`<${n} ${JSON.stringify(attrs)}>`),
      close: (n) => events.push(`</${n}>`),
      text: (s, e, raw) => events.push(decodeText(text, s, e, raw)),
    });
    expect(error).toBeNull();
    expect(events).toEqual(['<a {"x":"1 & 2"}>', '<b {}>', '</b>', 't<u', '<v>', '</a>']);
  });

  it('strips namespace prefixes from names', () => {
    expect(xmlRootName('<gpx:gpx xmlns:gpx="x"/>')).toBe('gpx');
  });

  it.each([
    ['<a><b></a>', 1, 'closing tag </a> does not match <b> (line 1)'],
    ['<a>\n  <b>', 2, '<b> is never closed (the file ends first)'],
    ['<a>&nbsp;</a>', 1, 'unknown entity "&nbsp;"'],
    ['<a x=1/>', 1, 'attribute x in <a> is not quoted'],
    ['<a/><b/>', 1, 'a second root element'],
    ['text', 1, 'text before the root element'],
    [
      '<!DOCTYPE a [<!ENTITY x "y">]><a/>',
      1,
      'DOCTYPE declarations are not accepted in GPX or KML files',
    ],
    ['<a>1 < 2</a>', 1, 'a "<" that does not start a tag (write &lt;)'],
    ['', 1, 'no root element'],
  ])('refuses %j at line %i: %s', (text, line, message) => {
    expect(scanXml(text, {})).toMatchObject({ line, message });
  });
});
