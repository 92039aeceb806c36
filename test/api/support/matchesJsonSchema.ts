// A small JSON Schema (2020-12) checker for the keywords zod emits, so the
// tests hold answers against the published OpenAPI document itself rather
// than against the zod schemas it was generated from.
type Schema = Record<string, unknown>;

/** The places where `value` breaks `schema`; empty when it conforms. */
export function schemaErrors(value: unknown, schema: Schema, root: Schema, at = ''): string[] {
  if (typeof schema.$ref === 'string') return schemaErrors(value, resolve(root, schema.$ref), root, at);
  const errors = [...typeErrors(value, schema, at), ...combinatorErrors(value, schema, root, at)];
  if (errors.length > 0) return errors;
  if (typeof value === 'string') errors.push(...stringErrors(value, schema, at));
  if (typeof value === 'number') errors.push(...numberErrors(value, schema, at));
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => errors.push(...schemaErrors(item, schema.items as Schema, root, `${at}/${i}`)));
  if (isObject(value)) errors.push(...objectErrors(value, schema, root, at));
  return errors;
}

function typeErrors(value: unknown, schema: Schema, at: string): string[] {
  if (schema.const !== undefined && value !== schema.const) return [`${at}: expected ${JSON.stringify(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  if (schema.type === undefined) return [];
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  return types.some((type) => hasType(value, type))
    ? []
    : [`${at}: ${JSON.stringify(value)} is not ${types.join(' or ')}`];
}

function combinatorErrors(value: unknown, schema: Schema, root: Schema, at: string): string[] {
  const passes = (s: Schema) => schemaErrors(value, s, root, at).length === 0;
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some(passes)) return [`${at}: matches none of anyOf`];
  if (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).filter(passes).length !== 1)
    return [`${at}: does not match exactly one of oneOf`];
  if (Array.isArray(schema.allOf)) return (schema.allOf as Schema[]).flatMap((s) => schemaErrors(value, s, root, at));
  return [];
}

function stringErrors(value: string, schema: Schema, at: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minLength === 'number' && value.length < schema.minLength)
    errors.push(`${at}: shorter than ${schema.minLength}`);
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
    errors.push(`${at}: longer than ${schema.maxLength}`);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
    errors.push(`${at}: does not match ${schema.pattern}`);
  return errors;
}

function numberErrors(value: number, schema: Schema, at: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  return errors;
}

function objectErrors(value: Record<string, unknown>, schema: Schema, root: Schema, at: string): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const errors = ((schema.required ?? []) as string[])
    .filter((key) => !(key in value))
    .map((key) => `${at}/${key}: required`);
  for (const [key, inner] of Object.entries(value)) {
    if (properties[key]) errors.push(...schemaErrors(inner, properties[key], root, `${at}/${key}`));
    else if (schema.additionalProperties === false) errors.push(`${at}/${key}: not allowed`);
    else if (isObject(schema.additionalProperties))
      errors.push(...schemaErrors(inner, schema.additionalProperties, root, `${at}/${key}`));
  }
  return errors;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  return typeof value === type;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(root: Schema, ref: string): Schema {
  return ref
    .slice(2)
    .split('/')
    .reduce<Schema>((node, key) => node[key] as Schema, root);
}
