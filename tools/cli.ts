/**
 * Metacity Twin tools: `npm run tools -- <command> [options]`.
 *
 * Commands live in a small registry (`COMMANDS`); a new command implements `Command`
 * (tools/lib/command.ts) and is added to the list. Progress and diagnostics go to stderr.
 */
import { pathToFileURL } from 'node:url';
import { commandHelp, parseCommandArgs, UsageError, type Command, type CommandIO } from './lib/command';
import { cityjsonCommand } from './cityjson/command';
import { buildingsCommand } from './buildings/command';
import { demoCommand } from './demo/command';
import { validateCommand } from './validate/command';
import { catalogueCommand } from './catalogue/command';
import { planSynthCommand } from './demo/plan-synth-command';

export const PROGRAM = 'npm run tools --';

export const COMMANDS: readonly Command[] = [demoCommand, validateCommand, cityjsonCommand, buildingsCommand, catalogueCommand, planSynthCommand];

export function cliHelp(commands: readonly Command[] = COMMANDS): string {
  const w = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(w)}${c.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CommandIO = { stdout: process.stdout, stderr: process.stderr }, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`error: no command given.\n\n${cliHelp(commands)}`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(target ? commandHelp(PROGRAM, target) : cliHelp(commands));
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`error: unknown command "${name}". Available commands: ${commands.map((c) => c.name).join(', ')}.\n`);
    io.stderr.write(`Run "${PROGRAM} --help" for usage.\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseCommandArgs(cmd, rest);
    if (values.help) {
      io.stdout.write(commandHelp(PROGRAM, cmd));
      return 0;
    }
    return await cmd.run(values, positionals, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`error: ${e.message}\nRun "${PROGRAM} ${cmd.name} --help" for usage.\n`);
      return 2;
    }
    io.stderr.write(`error: ${cmd.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
