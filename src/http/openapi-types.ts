// Writes the web client's types from the OpenAPI document: for each path and method the path parameters, the query,
// the JSON body and the JSON answer, as TypeScript (web/api/schema.d.ts; `npm run api:types`, see docs/api.md).
// A small generator of our own: the document's schemas come from zod, so only the JSON Schema it emits is covered.

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
};

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const indent = (text: string, depth: number) => text.replaceAll('\n', `\n${'  '.repeat(depth)}`);

/** One JSON Schema as a TypeScript type. */
export function typeOf(schema: JsonSchema | boolean | undefined, depth = 0): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) return `components[${JSON.stringify(schema.$ref.split('/').pop())}]`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((part) => wrap(typeOf(part, depth))).join(' | ');
  if (schema.allOf) return schema.allOf.map((part) => wrap(typeOf(part, depth))).join(' & ');
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => wrap(typeOf({ ...schema, type }, depth))).join(' | ');
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      if (schema.prefixItems) return `[${schema.prefixItems.map((item) => typeOf(item, depth)).join(', ')}]`;
      return `${wrap(typeOf(schema.items, depth))}[]`;
    case 'object':
      return objectType(schema, depth);
    default:
      return schema.properties ? objectType(schema, depth) : 'unknown';
  }
}

const wrap = (type: string) => (/[|&]/.test(type) && !/^[{[]/.test(type) ? `(${type})` : type);

function objectType(schema: JsonSchema, depth: number): string {
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const comment = property.description ? `/** ${property.description.replaceAll('*/', '* /')} */\n` : '';
    return `${comment}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(property, depth + 1)};`;
  });
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') lines.push(`[key: string]: ${typeOf(extra, depth + 1)};`);
  if (lines.length === 0) return extra === false ? 'Record<string, never>' : 'Record<string, unknown>';
  return `{\n  ${indent(lines.join('\n'), 1)}\n}`;
}

function parametersOf(operation: Operation, where: 'path' | 'query'): string {
  const parameters = (operation.parameters ?? []).filter((parameter) => parameter.in === where);
  if (parameters.length === 0) return 'never';
  return typeOf({
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema ?? {}])),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  });
}

function jsonOf(content: Record<string, { schema?: JsonSchema }> | undefined): string {
  const json = content?.['application/json'];
  return json ? typeOf(json.schema) : 'unknown';
}

function responseOf(operation: Operation): string {
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2/.test(status));
  if (success.length === 0) return 'unknown';
  return success
    .map(([status, response]) => (status === '204' ? 'void' : jsonOf(response.content)))
    .filter((type, index, all) => all.indexOf(type) === index)
    .join(' | ');
}

/** The whole file: `paths[path][method]` with `path`, `query`, `body` and `response`, and the shared components. */
export function apiTypes(document: OpenApiDocument): string {
  const paths = Object.entries(document.paths ?? {}).map(([path, operations]) => {
    const methods = METHODS.filter((method) => operations[method]).map((method) => {
      const operation = operations[method] as Operation;
      const body = operation.requestBody ? jsonOf(operation.requestBody.content) : 'never';
      const fields = [
        `path: ${parametersOf(operation, 'path')};`,
        `query: ${parametersOf(operation, 'query')};`,
        `body: ${body};`,
        `response: ${responseOf(operation)};`,
      ];
      return `${method}: {\n  ${indent(fields.join('\n'), 1)}\n};`;
    });
    return `${JSON.stringify(path)}: {\n  ${indent(methods.join('\n'), 1)}\n};`;
  });
  const components = Object.entries(document.components?.schemas ?? {}).map(
    ([name, schema]) => `${key(name)}: ${typeOf(schema)};`,
  );
  return `// Generated from /api/openapi.json by \`npm run api:types\` (src/http/openapi-types.ts). Do not edit.

export interface paths {
  ${indent(paths.join('\n'), 1)}
}

export interface components {
  ${indent(components.join('\n'), 1)}
}

export type ApiPath = keyof paths;
type Operations<P extends ApiPath> = paths[P];
/** The JSON answer of an operation: \`ApiResponse<'/api/schools', 'get'>\`. */
export type ApiResponse<P extends ApiPath, M extends keyof Operations<P>> = Operations<P>[M] extends {
  response: infer R;
}
  ? R
  : never;
/** The JSON body of an operation. */
export type ApiBody<P extends ApiPath, M extends keyof Operations<P>> = Operations<P>[M] extends { body: infer B }
  ? B
  : never;
/** The query parameters of an operation. */
export type ApiQuery<P extends ApiPath, M extends keyof Operations<P>> = Operations<P>[M] extends { query: infer Q }
  ? Q
  : never;
`;
}
