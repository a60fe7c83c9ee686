// transformers.js imports onnxruntime-web beside onnxruntime-node and uses it only in browsers;
// the native encoder thread runs in Node, so the WASM runtime stays out of its bundle.
export const env = {};
const unused = { env };
export default unused;
