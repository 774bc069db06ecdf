import { type View, view } from '../view.js';

/** A short message with no data: usage errors, confirmations, failures. */
export function notice(title: string, description: string, tone: View['tone'] = 'warning', isPrivate = true): View {
  return view({ kind: tone === 'error' ? 'error' : 'notice', title, description, tone, private: isPrivate });
}

/** The answer to a failure in RoleCall's own code, quoting the id its log line carries. */
export function failureView(errorId: string, what = 'answer that'): View {
  return notice('Something went wrong', `RoleCall could not ${what}. Error id ${errorId}.`, 'error');
}
