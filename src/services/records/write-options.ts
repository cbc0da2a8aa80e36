export interface WriteOptions {
  /**
   * The records are expected to be new to the store (an initial load into an
   * empty one): try COPY first, and upsert only if some already exist.
   */
  fresh?: boolean;
}
