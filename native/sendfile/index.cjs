'use strict';
// The addon when it was built (Linux); otherwise `supported: false` and the caller streams instead.
let binding;
try {
  binding = require('./build/Release/sendfile.node');
} catch (err) {
  binding = { supported: false, loadError: err instanceof Error ? err.message : String(err) };
}
module.exports = binding;
