/**
 * `stackport completion bash|zsh|fish`: a shell completion script generated from the command definitions, so it
 * never lists a flag that does not exist. Commands, their flags, and the values of flags that take a fixed set
 * complete; flags that take a file or directory complete paths.
 */
import type { Command, Option } from 'commander';

/** The shells a script can be written for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** One flag as completion sees it. */
interface Flag {
  names: string[];
  long?: string;
  short?: string;
  takesValue: boolean;
  choices: string[];
  paths: boolean;
}

function flagsOf(command: Command): Flag[] {
  return command.options
    .filter((o) => !o.hidden)
    .map((o: Option) => {
      const names = [o.short, o.long].filter((n): n is string => n !== undefined);
      const flag: Flag = { names, takesValue: o.required || o.optional, choices: o.argChoices ?? [], paths: /<[^>]*(FILE|DIR)[^>]*>/.test(o.flags) };
      if (o.long) flag.long = o.long;
      if (o.short) flag.short = o.short;
      return flag;
    });
}

/** The completion script for `shell`. */
export function completionScript(program: Command, shell: (typeof SHELLS)[number]): string {
  if (shell === 'fish') return fishScript(program);
  const bash = bashScript(program);
  return shell === 'zsh' ? `#compdef stackport\n# Load with: source <(stackport completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

function words(list: readonly string[]): string {
  return list.join(' ');
}

function bashScript(program: Command): string {
  const commands = program.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  const globals = flagsOf(program);
  const lines: string[] = [
    '# stackport completion for bash. Load with: source <(stackport completion bash)',
    '_stackport() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" i',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in',
    `      ${commands.map((c) => c.name()).join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;`,
    '    esac',
    '  done',
    '  case "$prev" in',
  ];
  // Values of flags: fixed choices, paths, or nothing to offer (the user types a value).
  const valueCases = new Map<string, string>();
  for (const command of [program, ...commands]) {
    for (const f of flagsOf(command)) {
      if (!f.takesValue) continue;
      const reply = f.choices.length > 0 ? `COMPREPLY=($(compgen -W "${words(f.choices)}" -- "$cur"))` : f.paths ? 'COMPREPLY=($(compgen -f -- "$cur"))' : 'COMPREPLY=()';
      for (const name of f.names) if (!valueCases.has(name)) valueCases.set(name, reply);
    }
  }
  for (const [name, reply] of valueCases) lines.push(`    ${name}) ${reply}; return ;;`);
  lines.push('  esac', '  case "$cmd" in');
  lines.push(`    "") COMPREPLY=($(compgen -W "${words([...commands.map((c) => c.name()), ...globals.flatMap((f) => f.names), '--help'])}" -- "$cur")) ;;`);
  for (const command of commands) {
    const flags = flagsOf(command).flatMap((f) => f.names);
    const args = command.name() === 'completion' ? ['bash', 'zsh', 'fish'] : [];
    lines.push(`    ${command.name()}) COMPREPLY=($(compgen -W "${words([...args, ...flags, '--help'])}" -- "$cur")) ;;`);
  }
  lines.push('  esac', '}', 'complete -o default -F _stackport stackport', '');
  return lines.join('\n');
}

function fishScript(program: Command): string {
  const commands = program.commands;
  const lines = ['# stackport completion for fish. Load with: stackport completion fish | source', 'complete -c stackport -f'];
  for (const command of commands) {
    lines.push(`complete -c stackport -n __fish_use_subcommand -a ${command.name()} -d ${fishQuote(command.description())}`);
  }
  const add = (condition: string, f: Flag) => {
    const parts = [`complete -c stackport -n ${fishQuote(condition)}`];
    if (f.short) parts.push(`-s ${f.short.slice(1)}`);
    if (f.long) parts.push(`-l ${f.long.slice(2)}`);
    if (f.choices.length > 0) parts.push(`-x -a ${fishQuote(words(f.choices))}`);
    else if (f.paths) parts.push('-r -F');
    else if (f.takesValue) parts.push('-x');
    lines.push(parts.join(' '));
  };
  for (const f of flagsOf(program)) add('__fish_use_subcommand', f);
  for (const command of commands) {
    for (const f of flagsOf(command)) add(`__fish_seen_subcommand_from ${command.name()}`, f);
  }
  lines.push('complete -c stackport -n "__fish_seen_subcommand_from completion" -a "bash zsh fish"', '');
  return lines.join('\n');
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
