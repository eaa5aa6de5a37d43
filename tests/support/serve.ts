/** The tests serve a built site with the benchmarks' server: one server, in src/bench/serve.ts. */
export { serve, sitePages, type ServeOptions, type Server } from '../../src/bench/serve.ts';
