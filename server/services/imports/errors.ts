/** The file cannot be imported as it is; the message says what to fix. Nothing is written. */
export class ImportFileError extends Error {}
