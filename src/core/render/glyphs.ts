import type { GateState, Outcome } from '../model/outcomes.ts';

export const OUTCOME_GLYPH: Record<Outcome, string> = {
  pass: '✅',
  skipped: '➖',
  waived: '☑️',
  pending: '⏳',
  fail: '❌',
  unknown: '⚠️',
};

export const STATE_HEADLINE: Record<GateState, string> = {
  success: '✅ Ready to release',
  pending: '⏳ Not ready yet',
  failure: '❌ Blocked',
  error: '⚠️ Cannot evaluate',
};
