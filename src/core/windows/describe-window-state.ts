import { describeWindows, formatInZone } from './describe-window.ts';
import type { WeeklyWindow } from './weekly-window.ts';
import { HORIZON_DAYS, type WindowState } from './window-state.ts';

/**
 * One line for the check: when merging is allowed, until when; when it is not, why and when it
 * next is. The next change is always named, so that a reader knows when the status flips.
 */
export function describeWindowState(state: WindowState, windows: readonly WeeklyWindow[], zone: string): string {
  if (state.open) {
    const until = state.closesAt === null ? `at least ${HORIZON_DAYS} days from now` : formatInZone(state.closesAt, zone);
    return `Inside the release window (${state.window}) until ${until}`;
  }
  const opens = state.opensAt === null ? `does not open within ${HORIZON_DAYS} days` : `next opens ${formatInZone(state.opensAt, zone)}`;
  if (state.freeze) {
    const frozen = `Frozen (${state.freeze.reason}) until ${formatInZone(state.freeze.to, zone)}`;
    // A freeze that ends inside a window: its end is the opening, and saying it twice reads as two events.
    return state.opensAt === state.freeze.to ? frozen : `${frozen}; ${opens}`;
  }
  return `Outside the release window (${describeWindows(windows, zone)}); ${opens}`;
}
