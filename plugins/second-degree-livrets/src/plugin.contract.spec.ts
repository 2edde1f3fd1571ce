import { describePluginContract } from '@liaison/domain/testing';
import { PRODUCED_AT, sampleSnapshot } from './__fixtures__/sample-school';
import { createPlugin } from './index';

describePluginContract(() => createPlugin(), {
  sample: sampleSnapshot,
  formatFamilies: ['livrets', 'lsu', 'lsl', 'parcoursup'],
  exportContext: { exportId: 'contract-suite', producedAt: PRODUCED_AT },
});
