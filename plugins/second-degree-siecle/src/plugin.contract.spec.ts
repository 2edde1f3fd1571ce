import { describePluginContract } from '@liaison/domain/testing';
import { PRODUCED_AT, sampleSnapshot } from './export/__fixtures__/sample-college';
import { createPlugin } from './index';

describePluginContract(() => createPlugin(), {
  sample: sampleSnapshot,
  formatFamilies: ['siecle', 'sts'],
  exportContext: { exportId: 'contract-suite', producedAt: PRODUCED_AT },
});
