// node pdfjs-read.mjs FILE.pdf — reads a tagged PDF as a screen reader does, with pdf.js: the structure tree of every
// page, with the text of each marked-content sequence put where the tree points at it. Prints JSON:
//   { "pages": [ { "tree": Node } ], "lang": "ko-KR", "title": "…" }
//   Node = { "role": "P", "alt"?: "…", "lang"?: "…", "kids": [ Node | { "text": "…" } | { "object": "…" } ] }
import { readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const path = process.argv[2];
if (!path) { console.error('usage: node pdfjs-read.mjs FILE.pdf'); process.exit(2); }
const document = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(path)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
}).promise;

const pages = [];
for (let number = 1; number <= document.numPages; number++) {
  const page = await document.getPage(number);
  const content = await page.getTextContent({ includeMarkedContent: true });
  // Text of each marked-content id, in content order.
  const texts = new Map();
  const open = [];
  for (const item of content.items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? null);
    else if (item.type === 'endMarkedContent') open.pop();
    else if (typeof item.str === 'string') {
      const id = open.findLast((x) => x);
      if (id) texts.set(id, (texts.get(id) ?? '') + item.str + (item.hasEOL ? '\n' : ''));
    }
  }
  const convert = (node) => {
    if (node.type === 'content') return { text: texts.get(node.id) ?? '' };
    if (node.type === 'object') return { object: node.id };
    const out = { role: node.role };
    if (node.alt) out.alt = node.alt;
    if (node.lang) out.lang = node.lang;
    out.kids = (node.children ?? []).map(convert);
    return out;
  };
  const tree = await page.getStructTree();
  pages.push({ tree: tree ? convert(tree) : null });
}
const { info } = await document.getMetadata();
console.log(JSON.stringify({ lang: info?.Language ?? null, title: info?.Title ?? null, pages }));
