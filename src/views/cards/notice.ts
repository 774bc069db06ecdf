import type { View } from '../view.js';

/** A short message with no data: usage errors, confirmations, failures. */
export function notice(title: string, description: string, tone: View['tone'] = 'warning', isPrivate = true): View {
  return { kind: tone === 'error' ? 'error' : 'notice', title, description, fields: [], sections: [], actions: [], tone, private: isPrivate };
}
