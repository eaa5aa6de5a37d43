/**
 * /schemas/<kind>.schema.json: the JSON Schemas of the content files, published with the site so
 * that editors' tools can read them from its address. Generated from the Zod schema, like the
 * copies in schemas/ (src/content/json-schema.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_KINDS, jsonSchemaText, type ContentKind } from '../../content/json-schema.ts';

export const getStaticPaths = (() => CONTENT_KINDS.map((kind) => ({ params: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(jsonSchemaText(params.kind as ContentKind), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
