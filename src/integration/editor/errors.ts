/** An answer of the editor's API that is not a success: an HTTP status and the Italian message. */
export class EditorError extends Error {
  override name = 'EditorError';
  constructor(
    readonly status: number,
    message: string,
    /** Extra fields of the answer (e.g. `{ saved: false, problems }`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
