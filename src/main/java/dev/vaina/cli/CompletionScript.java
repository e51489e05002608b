package dev.vaina.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Shell completion scripts from picocli's model: for each command path ("rm", "pod rm", "container ls") its
 * options and the kind of name its arguments take (container, pod or image, from the parameter's label).
 * Names are read from the store by the shell: the name claims of containers and pods are files
 * ({@code names/}, {@code podnames/}), images' tags a line of each {@code images/ID/image.json}.
 */
final class CompletionScript {
    /** A command's path, its options, its subcommands and the kind of name its arguments take ("" for none). */
    private record Entry(String path, List<String> options, List<String> subcommands, String kind) {
    }

    private final List<Entry> entries = new ArrayList<>();

    CompletionScript(CommandLine root) {
        collect(root, "");
    }

    private void collect(CommandLine command, String path) {
        List<String> options = new ArrayList<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (!option.hidden()) {
                options.addAll(List.of(option.names()));
            }
        }
        List<String> subcommands = new ArrayList<>();
        Map<String, CommandLine> subs = new LinkedHashMap<>(command.getSubcommands());
        subs.keySet().forEach(subcommands::add);
        entries.add(new Entry(path, options, subcommands, kind(command.getCommandSpec().positionalParameters())));
        subs.forEach((name, sub) -> collect(sub, path.isEmpty() ? name : path + " " + name));
    }

    private static String kind(List<PositionalParamSpec> parameters) {
        for (ArgSpec parameter : parameters) {
            String label = parameter.paramLabel().replaceAll("[<>.]", "");
            if (label.equals("CONTAINER") || label.equals("POD") || label.equals("IMAGE")) {
                return label.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }

    /** Shell functions that list the store's names, given the store directory in $1. */
    private static final String NAME_FUNCTIONS = """
            _vaina_store() {
                local i
                for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
                    if [ "${COMP_WORDS[i]}" = --root ]; then echo "${COMP_WORDS[i+1]}"; return; fi
                done
                if [ "$(id -u)" = 0 ]; then echo /var/lib/vaina; else echo "${XDG_DATA_HOME:-$HOME/.local/share}/vaina"; fi
            }
            _vaina_names() {
                local store
                store=$(_vaina_store)
                case "$1" in
                    container) ls -1 "$store/names" 2>/dev/null ;;
                    pod) ls -1 "$store/podnames" 2>/dev/null ;;
                    image) sed -n 's/^ *"repoTags" : \\[ \\(.*\\) \\],\\{0,1\\}$/\\1/p' "$store"/images/*/image.json 2>/dev/null \\
                        | tr ',' '\\n' | tr -d ' "' ;;
                esac
            }
            """;

    String bash() {
        StringBuilder script = new StringBuilder("# bash completion for vaina (vaina completion bash)\n");
        script.append(NAME_FUNCTIONS);
        script.append("_vaina_spec() {\n    case \"$1\" in\n");
        for (Entry entry : entries) {
            script.append("        '").append(entry.path()).append("') echo '").append(entry.kind()).append('|')
                    .append(String.join(" ", entry.subcommands())).append('|').append(String.join(" ", entry.options()))
                    .append("' ;;\n");
        }
        script.append("""
                    esac
                }
                _vaina() {
                    local cur="${COMP_WORDS[COMP_CWORD]}" path="" spec next i word
                    for ((i = 1; i < COMP_CWORD; i++)); do
                        word="${COMP_WORDS[i]}"
                        case "$word" in -*) continue ;; esac
                        spec=$(_vaina_spec "$path")
                        next="${spec#*|}"; next="${next%%|*}"
                        if [[ " $next " == *" $word "* ]]; then path="${path:+$path }$word"; fi
                    done
                    spec=$(_vaina_spec "$path")
                    local kind="${spec%%|*}" rest="${spec#*|}"
                    local subcommands="${rest%%|*}" options="${rest#*|}"
                    if [[ "$cur" == -* ]]; then
                        COMPREPLY=($(compgen -W "$options" -- "$cur"))
                    elif [ -n "$subcommands" ]; then
                        COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
                    elif [ -n "$kind" ]; then
                        COMPREPLY=($(compgen -W "$(_vaina_names "$kind")" -- "$cur"))
                    else
                        COMPREPLY=($(compgen -f -- "$cur"))
                    fi
                }
                complete -F _vaina vaina
                """);
        return script.toString();
    }

    /** zsh runs the bash script through its bash completion layer, as picocli's own scripts do. */
    String zsh() {
        return "#compdef vaina\n# zsh completion for vaina (vaina completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n"
                + bash();
    }

    String fish() {
        StringBuilder script = new StringBuilder("# fish completion for vaina (vaina completion fish)\n");
        script.append("function __vaina_names\n    set -l store (test (id -u) = 0; and echo /var/lib/vaina; or echo "
                + "(set -q XDG_DATA_HOME; and echo $XDG_DATA_HOME; or echo $HOME/.local/share)/vaina)\n"
                + "    switch $argv[1]\n"
                + "        case container; ls -1 $store/names 2>/dev/null\n"
                + "        case pod; ls -1 $store/podnames 2>/dev/null\n"
                + "        case image; sed -n 's/^ *\"repoTags\" : \\[ \\(.*\\) \\],\\{0,1\\}$/\\1/p' $store/images/*/image.json"
                + " 2>/dev/null | tr ',' '\\n' | tr -d ' \"'\n"
                + "    end\nend\n");
        script.append("complete -c vaina -f\n");
        Entry root = entries.get(0);
        script.append("complete -c vaina -n __fish_use_subcommand -a '").append(String.join(" ", root.subcommands())).append("'\n");
        for (Entry entry : entries.subList(1, entries.size())) {
            String[] words = entry.path().split(" ");
            String condition = "__fish_seen_subcommand_from " + words[words.length - 1];
            if (words.length > 1) {
                condition = "__fish_seen_subcommand_from " + words[0] + "; and " + condition;
            }
            if (!entry.subcommands().isEmpty()) {
                script.append("complete -c vaina -n '").append(condition).append("' -a '")
                        .append(String.join(" ", entry.subcommands())).append("'\n");
            }
            for (String option : entry.options()) {
                script.append("complete -c vaina -n '").append(condition).append("' ")
                        .append(option.startsWith("--") ? "-l " + option.substring(2) : "-s " + option.substring(1)).append('\n');
            }
            if (!entry.kind().isEmpty()) {
                script.append("complete -c vaina -n '").append(condition).append("' -a '(__vaina_names ")
                        .append(entry.kind()).append(")'\n");
            }
        }
        return script.toString();
    }
}
