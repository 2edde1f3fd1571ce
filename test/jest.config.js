const preset = require('../tooling/jest.preset.js');
module.exports = { ...preset, testTimeout: 120000 };
