import reactHooks from 'eslint-plugin-react-hooks';
import shared from '../../tooling/eslint.config.mjs';

export default [
  ...shared,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
];
