import { describe, expect, it } from 'vitest';
import { readXml, xmlRootName } from './xml';

describe('readXml', () => {
  it('readXml reports elements, attributes and decoded text in document order', () => {
    const events: string[] = [];
    const text = '<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; 2"><b/>t&lt;u<![CDATA[<v>]]></a>';
    const error = readXml(text, {
      open: (tag) => events.push(`<${tag.local} ${JSON.stringify(tag.attributes)}>`),
      close: (n) => events.push(`</${n}>`),
      text: (t) => events.push(t),
    });
    expect(error).toBeNull();
    expect(events).toEqual(['<a {"x":"1 & 2"}>', '<b {}>', '</b>', 't<u', '<v>', '</a>']);
  });

  it('gives the line and column of each start tag’s "<", even when its attributes span lines', () => {
    const at: string[] = [];
    const text = '<a>\n  <b\n    x="1"/>\n\t<c/></a>';
    readXml(text, { open: (tag, line, column) => at.push(`${tag.local}@${line}:${column}`) });
    expect(at).toEqual(['a@1:1', 'b@2:3', 'c@4:2']);
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
    expect(readXml(text, {})).toMatchObject({ line, message });
  });

  it('refuses "billion laughs" entities at the DOCTYPE’s line and column, expanding nothing', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '  <!DOCTYPE lolz [',
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
      ),
      ']>',
      '<gpx>&lol9;</gpx>',
    ].join('\n');
    const texts: string[] = [];
    expect(readXml(laughs, { text: (t) => texts.push(t) })).toEqual({
      line: 2,
      column: 3,
      message: 'DOCTYPE declarations are not accepted in GPX or KML files',
    });
    expect(texts).toEqual([]);
  });

  it('refuses an external entity at its line and column without reading it', () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<gpx>&x;</gpx>';
    const texts: string[] = [];
    expect(readXml(xxe, { text: (t) => texts.push(t) })).toMatchObject({ line: 2, column: 1 });
    expect(texts).toEqual([]);
    // without a DOCTYPE, a reference to it is just an unknown entity
    expect(readXml('<gpx>\n &x;</gpx>', {})).toEqual({
      line: 2,
      column: 2,
      message: 'unknown entity "&x;"',
    });
  });

  it('reads 100,000 nested elements without running out of stack', () => {
    const depth = 100_000;
    let opened = 0;
    const text = `<gpx>${'<e>'.repeat(depth)}${'</e>'.repeat(depth)}</gpx>`;
    expect(readXml(text, { open: () => opened++ })).toBeNull();
    expect(opened).toBe(depth + 1);
  });
});
