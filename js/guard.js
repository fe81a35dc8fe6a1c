// A trap in the WebAssembly module (the core panicked: a bug) surfaces in JS as a
// WebAssembly.RuntimeError and may leave the instance broken (its stack pointer is not
// restored). `guarded` turns such a trap into an Error a person can act on and gives the
// module a fresh instance, so one bad article never breaks the next parse or the page.

/**
 * `call` wrapped so that a WebAssembly trap runs `reset` and throws a helpful Error.
 * @template {(...args: any[]) => any} F
 * @param {F} call
 * @param {() => void} reset gives the module a fresh instance (wasm-bindgen's __wbg_reset_state)
 * @returns {F}
 */
export function guarded(call, reset) {
  return /** @type {F} */ (
    (...args) => {
      try {
        return call(...args);
      } catch (error) {
        if (!(error instanceof WebAssembly.RuntimeError)) throw error;
        let restarted = "The parser was restarted and can be used again.";
        try {
          reset();
        } catch (resetError) {
          restarted = `Restarting the parser failed too (${resetError?.message ?? resetError}).`;
        }
        throw new Error(
          `newslens failed inside its WebAssembly module (${error.message}). This is a bug: ` +
            `please report it with the text that caused it. ${restarted}`,
          { cause: error },
        );
      }
    }
  );
}
