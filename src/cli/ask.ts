import { createInterface } from 'node:readline';
import type { Core } from '../core/index.js';
import { Dispatcher, type DispatchResult } from '../app/dispatch.js';
import { questionOf } from '../app/question.js';
import { renderForTerminal } from '../platforms/console/index.js';
import { EXIT } from '../exit-codes.js';
import { askJson } from './ask-json.js';
import { writeChunk } from './batch.js';
import { pageUrlField } from './public-url.js';
import type { Io } from './io.js';
import { CLI_SYNTAX, cliCommandOf } from './command-line.js';

/** Adds up how a run went, question by question, for its exit code. */
class Outcomes {
  failed = false;
  invalid = false;
  unsure = false;

  add(r: DispatchResult): void {
    if (r.outcome === 'error') this.failed = true;
    else if (r.outcome === 'invalid') this.invalid = true;
    else if (questionOf(r)?.understanding.status !== 'answered' || r.outcome !== 'ok') this.unsure = true;
  }

  get exit(): number {
    // 1 when one needed clarifying or was out of scope, 70 a failure of ours (src/exit-codes.ts).
    return this.failed ? EXIT.internal : this.invalid ? EXIT.usage : this.unsure ? EXIT.failed : EXIT.ok;
  }
}

function jsonLine(core: Core, question: string, result: DispatchResult, dispatcher: Dispatcher): string {
  if (result.outcome === 'invalid')
    return JSON.stringify({ status: 'invalid', command: 'ask', question: question.slice(0, 200), error: result.problem ?? 'invalid question' });
  return JSON.stringify({ ...askJson(core, question, result), ...pageUrlField(dispatcher, result.view) });
}

/** One question: its answer as text (the understood line first, a clarify's choices as commands), or as JSON. */
async function one(core: Core, question: string, json: boolean, io: Io, dispatcher: Dispatcher): Promise<number> {
  const result = await dispatcher.run('ask', { question }, { platform: 'cli' });
  if (json) io.stdout.write(`${jsonLine(core, question, result, dispatcher)}\n`);
  else if (result.outcome === 'invalid') io.stderr.write(`rolecall: ${result.problem}\nUsage: rolecall ask "<question>" [--json]\n`);
  else {
    const color = Boolean(io.stdout.isTTY && !process.env.NO_COLOR);
    const lines = [renderForTerminal(result.view, { color, width: Math.min(io.stdout.columns || 100, 110), actions: 'hide', syntax: CLI_SYNTAX })];
    const u = questionOf(result)?.understanding;
    if (u?.status === 'clarify' && u.choices.length)
      lines.push('', 'Choices:', ...u.choices.map((c, i) => `  ${i + 1}. ${c.label}\n     ${cliCommandOf(c.invoke)}`));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  const outcomes = new Outcomes();
  outcomes.add(result);
  return outcomes.exit;
}

/** Standard input, one question a line (blank lines skipped) → one JSON object a line, in order. */
async function batch(core: Core, io: Io, dispatcher: Dispatcher): Promise<number> {
  const outcomes = new Outcomes();
  let count = 0;
  const tally = { answered: 0, clarify: 0, out_of_scope: 0, invalid: 0 };
  let buffer: string[] = [];
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const result = await dispatcher.run('ask', { question: line }, { platform: 'cli' });
    outcomes.add(result);
    count++;
    const status = result.outcome === 'invalid' ? 'invalid' : (questionOf(result)?.understanding.status ?? 'invalid');
    tally[status]++;
    buffer.push(jsonLine(core, line, result, dispatcher));
    if (buffer.length >= 200) {
      await writeChunk(io.stdout, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  if (buffer.length) await writeChunk(io.stdout, `${buffer.join('\n')}\n`);
  io.stderr.write(
    `rolecall: ${count} question${count === 1 ? '' : 's'}: ${tally.answered} answered, ${tally.clarify} to clarify, ${tally.out_of_scope} out of scope${tally.invalid ? `, ${tally.invalid} invalid` : ''}\n`,
  );
  return outcomes.exit;
}

/** `rolecall ask "<question>" [--json]`; with no question, standard input in batch. */
export async function askCli(core: Core, words: readonly string[], json: boolean, io: Io, publicUrl?: string): Promise<number> {
  const dispatcher = new Dispatcher(core, undefined, { publicUrl });
  if (words.length > 0) return one(core, words.join(' '), json, io, dispatcher);
  if (io.stdin.isTTY) {
    io.stderr.write(
      'rolecall: give a question, or pipe one question per line into `rolecall ask`\n\nUsage: rolecall ask "<question>" [--json]\n       rolecall ask < questions.txt\n',
    );
    return EXIT.usage;
  }
  return batch(core, io, dispatcher);
}
