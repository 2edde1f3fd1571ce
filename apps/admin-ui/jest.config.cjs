// Unit tests of the UI's pure modules (labels, anomaly targets, draft rebase, browser folding,
// generated API types); the screens themselves are tested in the browser by test/ui.
const preset = require('../../tooling/jest.preset.js');
module.exports = { ...preset, roots: ['<rootDir>/src'] };
