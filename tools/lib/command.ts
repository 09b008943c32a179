/**
 * The tools CLI's command registry: each command declares its name, a one-line summary,
 * its options (for `--help` and parsing with node:util `parseArgs`) and a `run` function
 * returning an exit code. `tools/cli.ts` lists the registered commands.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface OptionSpec {
  /** Long name, without dashes. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** Value placeholder shown in help, e.g. `DIR`. */
  value?: string;
  description: string;
  default?: string | boolean;
}

export interface CommandIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export interface Command {
  name: string;
  summary: string;
  /** Extra help text after the options (examples, notes). */
  details?: string;
  options: OptionSpec[];
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: CommandIO): Promise<number>;
}

export class UsageError extends Error {}

/** Help text of one command. */
export function commandHelp(program: string, cmd: Command): string {
  const lines = [`Usage: ${program} ${cmd.name} [options]`, '', cmd.summary, '', 'Options:'];
  const all: OptionSpec[] = [...cmd.options, { name: 'help', short: 'h', type: 'boolean', description: 'Show this help' }];
  const left = all.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`);
  const w = Math.max(...left.map((l) => l.length)) + 2;
  all.forEach((o, i) => {
    const def = o.default !== undefined && o.type === 'string' ? ` (default: ${String(o.default)})` : '';
    lines.push(`  ${left[i]!.padEnd(w)}${o.description}${def}`);
  });
  if (cmd.details) lines.push('', cmd.details.trimEnd());
  return lines.join('\n') + '\n';
}

/** Parses a command's arguments strictly (unknown options are usage errors). */
export function parseCommandArgs(cmd: Command, args: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const o of cmd.options) {
    options[o.name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) } as never;
  }
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
