# bash completion for nmsrules(1). Installed as
# /usr/share/bash-completion/completions/nmsrules, where bash-completion
# loads it the first time `nmsrules` is completed; or `source` it.
#
# It asks the program rather than repeating it: the commands and their
# operands come from `nmsrules --help`, each command's options from
# `nmsrules COMMAND --help`, the criteria set ids from the CSV header of
# the ruleset in use, parameter names from that ruleset's parameter files.
# It needs nothing from bash-completion itself.

# The ruleset directory a run of this command line would use.
_nmsrules_rules_dir()
{
    local i
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        if [[ ${COMP_WORDS[i]} == --rules ]]; then
            printf '%s\n' "${COMP_WORDS[i + 1]}"
            return
        fi
    done
    "$1" version 2>/dev/null | sed -n 's/^  from //p'
}

# Parameter names ("iec2011.threshold"), from the ruleset's parameter
# tables: every entry is written ["name"] = { ... } (nmsrules-rules(5)).
_nmsrules_params()
{
    local dir
    dir=$(_nmsrules_rules_dir "$1")
    [[ -d $dir ]] || return
    sed -n 's/^[[:space:]]*\["\([a-z0-9_.]*\)"\][[:space:]]*=.*/\1/p' \
        "$dir"/params.lua "$dir"/params/*.lua 2>/dev/null
}

# Set ids of the ruleset in use: the CSV header names each set's columns.
_nmsrules_sets()
{
    local dir
    dir=$(_nmsrules_rules_dir "$1")
    "$1" batch -j 1 --rules "$dir" --format csv --csv-eol lf </dev/null 2>/dev/null |
        head -n 1 | tr ',' '\n' | sed -n 's/_\(result\|count\)$//p'
}

# The options of command $2 ("" for the program's own), and those of them
# that take a value (a placeholder after the name: "--rules DIR").
_nmsrules_options()
{
    local help
    if [[ -n $2 ]]; then help=$("$1" "$2" --help 2>/dev/null)
    else help=$("$1" --help 2>/dev/null | sed -n '/^options:/,/^$/p'); fi
    printf '%s\n' "$help" | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z-]*(\[?=[A-Z]+\]?| [A-Z][A-Z.]*)?' |
        sed 's/^[ ,]*//'
}

_nmsrules()
{
    local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD - 1]} cmd="" i w opts valued synopsis
    # "--color=al": bash splits at "=" (COMP_WORDBREAKS).
    if [[ $cur == = ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 1]}; cur=""
    elif [[ $prev == = ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    prog=$(type -P "$prog" 2>/dev/null || printf '%s' "$prog")

    # The command: the first word that is neither an option nor a value.
    valued=$(_nmsrules_options "$prog" "" | sed -n 's/ .*//p')
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        if [[ $w == -* ]]; then
            grep -qxF -- "$w" <<<"$valued" && ((i++))
            continue
        fi
        [[ $w == = || ${COMP_WORDS[i - 1]} == = ]] && continue
        cmd=$w
        break
    done
    opts=$(_nmsrules_options "$prog" "$cmd")
    valued=$(sed -n 's/ .*//p' <<<"$opts")

    # The value of an option.
    case $prev in
    --rules) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    --script | -o | --output) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    --param) COMPREPLY=($(compgen -W "$(_nmsrules_params "$prog")" -S = -- "$cur")); compopt -o nospace 2>/dev/null; return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --csv-eol) COMPREPLY=($(compgen -W "crlf lf" -- "$cur")); return ;;
    --items) COMPREPLY=($(compgen -W "needed all" -- "$cur")); return ;;
    -j | --jobs) COMPREPLY=($(compgen -W "$(seq 1 "$(nproc 2>/dev/null || echo 4)")" -- "$cur")); return ;;
    --format)
        if [[ $cmd == eval ]]; then COMPREPLY=($(compgen -W "text json" -- "$cur"))
        else COMPREPLY=($(compgen -W "jsonl json csv" -- "$cur")); fi
        return ;;
    esac
    if grep -qxF -- "$prev" <<<"$valued"; then
        return   # a number, a time: nothing to offer
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(sed -e 's/[ =].*//' -e 's/\[.*//' <<<"$opts" | sort -u)" -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$("$prog" --help 2>/dev/null |
            sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p')" -- "$cur"))
        return
    fi
    # Operands, by what the command's synopsis in the usage calls them.
    synopsis=$("$prog" --help 2>/dev/null | sed -n "s/^  $cmd \([^ ]*\).*/\1/p")
    case $synopsis in
    *COMMAND*)
        COMPREPLY=($(compgen -W "$("$prog" --help 2>/dev/null |
            sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p')" -- "$cur")) ;;
    *SET*) COMPREPLY=($(compgen -W "$(_nmsrules_sets "$prog")" -- "$cur")) ;;
    *FILE* | *CASE*) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
    esac
}

complete -F _nmsrules nmsrules
