/**
 * Retries `check` until it stops throwing or `timeoutMs` passes (then rethrows its last error).
 * For effects that arrive asynchronously by design, such as a NOTIFY delivered after a commit.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
