/** Whether a value is a plain JSON-style object (not null, not an array): the shape of parsed JSON objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
