import { type View, view } from '../view.js';

/** A short message with no data: usage errors, confirmations, failures. */
export function notice(title: string, description: string, tone: View['tone'] = 'warning', isPrivate = true): View {
  return view({ kind: tone === 'error' ? 'error' : 'notice', title, description, tone, private: isPrivate });
}

/** The answer to a failure in RoleCall's own code, quoting the id its log line carries. */
export function failureView(errorId: string, what = 'answer that'): View {
  return notice('Something went wrong', `RoleCall could not ${what}. Error id ${errorId}.`, 'error');
}

/** A name that is no command: the commands there are, and the closest one when a name is near. */
export function unknownCommandView(typed: string, names: readonly string[], guess: string | undefined, prefix = '/'): View {
  const hint = guess ? `Did you mean ${prefix}${guess}? ` : '';
  return notice('Unknown command', `RoleCall has no ${prefix}${typed} command. ${hint}Try ${names.map((n) => `${prefix}${n}`).join(', ')}.`);
}

/** Input the command's schema refused: what was wrong, then how to call it. */
export function invalidInputView(command: string, problem: string, usage: string): View {
  return notice(`That /${command} didn't work`, `${problem}. Usage: ${usage}`);
}

const EXPIRED: Record<'stale' | 'malformed' | 'share', string> = {
  stale: 'It comes from an older version of RoleCall. Run the command again for fresh buttons.',
  malformed: 'RoleCall did not recognise it. Run the command again.',
  share: 'Run the command again, then share.',
};

/** A button or menu RoleCall can no longer run: from an older version, unrecognised, or a Share whose answer is gone. */
export function expiredButtonView(why: keyof typeof EXPIRED): View {
  return notice('This button has expired', EXPIRED[why]);
}

/** Share pressed where there is no channel to post in (a DM with the app). */
export function nowhereToShareView(): View {
  return notice('Nowhere to share', 'Share works in channels and threads.');
}

/** The platform refused the shared post: its problem, and the fix ("invite RoleCall to the channel"). */
export function shareRefusedView(problem: string, fix: string): View {
  return notice(problem, `${fix[0]!.toUpperCase()}${fix.slice(1)}, then press Share again.`);
}

/** An interaction of a kind RoleCall does not handle. */
export function unsupportedInteractionView(): View {
  return notice('Not supported here', 'RoleCall does not handle this kind of interaction. Try /help.');
}
