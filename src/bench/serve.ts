/**
 * A small static file server for a built site, on a free port of 127.0.0.1: directories serve
 * their index.html and unknown paths the site's 404 page with status 404, as a static host does.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Server {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Gzip text (HTML, CSS, JavaScript, JSON, SVG, XML, CSV) for a client that accepts it, as GitHub
   * Pages does; other files (fonts, images, Pagefind's own gzipped files) go as they are.
   */
  compress?: boolean;
  /** Called with each request before it is answered (the tests count page loads with it). */
  onRequest?: (request: http.IncomingMessage) => void;
}

/** Serves `dir` under `base` ("/" or a sub-path such as "/action-plans/"). */
export async function serve(dir: string, base = '/', options: ServeOptions = {}): Promise<Server> {
  const server = http.createServer((request, response) => {
    options.onRequest?.(request);
    const send = (status: number, file?: string) =>
      sendFile(response, status, file, options.compress && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')));
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) return send(404, path.join(dir, '404.html'));
    pathname = pathname.slice(base.length - 1);
    let file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir)) return send(403);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (fs.existsSync(file)) return send(200, file);
    return send(404, path.join(dir, '404.html'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sendFile(response: http.ServerResponse, status: number, file?: string, gzip = false): void {
  if (!file || !fs.existsSync(file)) {
    response.writeHead(status, { 'Content-Type': 'text/plain' }).end(String(status));
    return;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  if (gzip && /^text\/|json|javascript|svg|xml/.test(type)) {
    response.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    fs.createReadStream(file).pipe(zlib.createGzip()).pipe(response);
    return;
  }
  response.writeHead(status, { 'Content-Type': type });
  fs.createReadStream(file).pipe(response);
}

/** Every page of a built site as a path from its root ("/", "/plans/x/", "/404.html"). */
export function sitePages(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => (f.endsWith('index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`))
    .sort();
}

/** The built file of a site path: "/plans/x/" is plans/x/index.html, "/404.html" itself. */
export function pageFile(dir: string, page: string): string {
  return path.join(dir, page.endsWith('/') ? `${page}index.html` : page);
}
