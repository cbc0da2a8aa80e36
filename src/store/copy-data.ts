// The parameter that turns a query into COPY … FROM STDIN (see copy.ts);
// kept apart so that the drivers can recognise it without importing the
// rest of the store.

/** Rows in COPY's text format, ready to stream. */
export class CopyData {
  constructor(readonly text: string) {}
}

/** The COPY statement of a query carrying CopyData, or undefined for an ordinary query. */
export function copyPayload(sql: string, parameters: readonly unknown[]): CopyData | undefined {
  return parameters.length === 1 && parameters[0] instanceof CopyData && /^copy\s/i.test(sql) ? parameters[0] : undefined;
}
