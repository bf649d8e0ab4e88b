// Reads the tape written by bindings/wasm/src/tape.rs into plain JS values (the articles),
// in one call from wasm. wasm-bindgen ships this file with the package (a "snippet").
//
// Ops: each value starts with an op, followed by its operands (all u32):
//   0 null | 1 false | 2 true | 3 n: the number n | 4 lo hi: the f64 of these bits
//   5 start end: a copy of input.slice(start, end) (UTF-16 offsets into the JS input string)
//   6 start end: a copy of owned.slice(start, end) (the call's other strings, decoded once)
//   7 id: a string sent before with defineStatic (keys, enum variants)
//   8 n, n values: an array | 9 n, n (key, value) pairs: a plain object

// Taken at load, as the page found them.
const { create, defineProperty, keys } = Object;

// No prototype: nothing a page defines on Object.prototype runs here.
const statics = create(null);

// The id of the static string "__proto__", if ever sent (as a key, it must not set the
// prototype).
let protoId = -1;

/** Remember a static string (sent once per string, by wasm). */
export function defineStatic(id, text) {
  // The internalized copy of the string (a property key): used as a key, it makes the property
  // stores a pointer lookup.
  statics[id] = keys({ [text]: 0 })[0];
  if (text === "__proto__") protoId = id;
}

/** Set a property as JSON.parse does: an own property, even "__proto__". */
function define(object, key, value) {
  defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

const floatView = new DataView(new ArrayBuffer(8));

// The state of the call being read (module-level so that `value` stays one small function).
let ops = null;
let pos = 0;
let input = "";
let owned = "";

/**
 * A copy of `slice` that shares no memory with the string it was sliced from. Engines make
 * substrings views of their parent (V8's sliced strings): a kept title would keep its whole
 * input alive. Slicing a concatenation makes the engine flatten it into a new string first
 * (a copy of the characters, far quicker than decoding them from wasm memory).
 */
function fresh(slice) {
  return (" " + slice).slice(1);
}

function value() {
  const op = ops[pos++];
  switch (op) {
    case 0:
      return null;
    case 1:
      return false;
    case 2:
      return true;
    case 3:
      return ops[pos++];
    case 4:
      floatView.setUint32(0, ops[pos], true);
      floatView.setUint32(4, ops[pos + 1], true);
      pos += 2;
      return floatView.getFloat64(0, true);
    case 5: {
      const start = ops[pos];
      const end = ops[pos + 1];
      pos += 2;
      return fresh(input.slice(start, end));
    }
    case 6: {
      const start = ops[pos];
      const end = ops[pos + 1];
      pos += 2;
      return fresh(owned.slice(start, end));
    }
    case 7:
      return statics[ops[pos++]];
    case 8: {
      const n = ops[pos++];
      // Pairs (spans) are the most common arrays: a literal is quicker than pushes.
      if (n === 2) return [value(), value()];
      const array = [];
      for (let i = 0; i < n; i++) array.push(value());
      return array;
    }
    case 9: {
      const n = ops[pos++];
      const object = {};
      for (let i = 0; i < n; i++) {
        if (ops[pos] === 7 && ops[pos + 1] !== protoId) {
          // The usual case: a struct field.
          const key = statics[ops[pos + 1]];
          pos += 2;
          object[key] = value();
        } else {
          const key = value();
          if (key === "__proto__") define(object, key, value());
          else object[key] = value();
        }
      }
      return object;
    }
    default:
      throw new Error(`depeche: internal error: bad tape op ${op} at ${pos - 1}`);
  }
}

/**
 * Read `count` values from `tape` (a Uint32Array view of the wasm memory). The i-th value
 * slices `inputs[first + i]`, or `inputs` itself when it is a string. With `out` an array,
 * the values are pushed to it. Returns the last value.
 */
export function readTape(out, inputs, first, count, tape, ownedText) {
  ops = tape;
  pos = 0;
  owned = ownedText;
  const many = typeof inputs !== "string";
  let last = null;
  try {
    for (let i = 0; i < count; i++) {
      input = many ? inputs[first + i] : inputs;
      last = value();
      if (out) out.push(last);
    }
  } finally {
    // Hold on to nothing between calls.
    ops = null;
    input = "";
    owned = "";
  }
  return last;
}
