import { syncRates } from './sync-audit-actions';

describe('syncRates', () => {
  it.each([
    // synced, failed, review | verified, attemptFailed, manualReview | success, falseNegative
    [6, 1, 3, 2, 3, 2, 0.6, 0.2857],
    [0, 0, 0, 0, 0, 0, null, null],
    [5, 0, 0, 0, 0, 0, 1, null],
    [0, 2, 0, 1, 0, 0, 0, 1],
  ])(
    'states %i/%i/%i, audit %i/%i/%i → %p, %p',
    (synced, failed, review, verified, attemptFailed, manualReview, success, fn) => {
      const rates = syncRates(
        { synced, failed, manual_review: review },
        { verifiedAfterError: verified, attemptFailed, manualReview },
      );
      expect(rates.successRate).toBe(success);
      expect(rates.falseNegativeRate).toBe(fn);
    },
  );
});
