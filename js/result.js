// Reads the result of a parse from the buffers the wasm module wrote (wasm/src/result.rs says
// why and the layout): `ops` (Uint32Array), `numbers` (Float64Array) and `units` (Uint16Array,
// every string of the result, one after another, as UTF-16), all views of wasm memory that are
// only valid during the call. Returns the plain object, in one pass, without calling back into
// the module.

// The operation numbers of wasm/src/result.rs (`Op`).
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;
const KEY = 7;
const NEW_KEY = 8;

// UTF-16 needs no decoding, only a copy; ignoreBOM keeps a leading U+FEFF of the first string.
const utf16 = new TextDecoder("utf-16le", { ignoreBOM: true });

/**
 * @param {Uint32Array} ops
 * @param {Float64Array} numbers
 * @param {Uint16Array} units
 * @returns {any}
 */
export function readResult(ops, numbers, units) {
  const text = utf16.decode(units);
  /** @type {string[]} */
  const keys = [];
  let op = 0;
  let number = 0;
  let unit = 0;

  function value() {
    switch (ops[op++]) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return numbers[number++];
      case STRING: {
        const end = unit + ops[op++];
        const string = text.slice(unit, end);
        unit = end;
        return string;
      }
      case ARRAY: {
        const length = ops[op++];
        const array = [];
        for (let i = 0; i < length; i++) array.push(value());
        return array;
      }
      case OBJECT: {
        const length = ops[op++];
        const object = {};
        for (let i = 0; i < length; i++) {
          let key;
          if (ops[op] === KEY) {
            key = keys[ops[op + 1]];
          } else if (ops[op] === NEW_KEY) {
            const end = unit + ops[op + 1];
            key = text.slice(unit, end);
            unit = end;
            keys.push(key);
          } else {
            throw new Error(`newslens: bad result layout (key op ${ops[op]} at ${op})`);
          }
          op += 2;
          // A data property even for "__proto__" (a map key could be one), as JSON.parse does.
          if (key === "__proto__") {
            Object.defineProperty(object, key, { value: value(), enumerable: true, writable: true, configurable: true });
          } else {
            object[key] = value();
          }
        }
        return object;
      }
      default:
        throw new Error(`newslens: bad result layout (op ${ops[op - 1]} at ${op - 1})`);
    }
  }

  return value();
}
