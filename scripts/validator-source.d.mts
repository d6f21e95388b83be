/** CommonJS source of a validator for `schema` (ajv standalone code). */
export function validatorSource(schema: object): string;
