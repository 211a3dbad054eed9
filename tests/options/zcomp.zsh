# Prints, one a line, the completions zsh offers for a command line:
#   zsh tests/options/zcomp.zsh DIR 'slo eval --in'
# DIR holds _slo.  It types the line and a tab into an interactive zsh on
# a pseudo-terminal, and a compadd wrapper prints what the completion
# functions add; the shell exits once completion is done.
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z "PROMPT='> '; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z '_zc_done() { print -r -- "<<ZC""END>>"; exit }; comppostfuncs=( _zc_done )'
zpty -w z 'compadd() { local -a zc; builtin compadd -O zc "$@"; local c; for c in $zc; do print -r -- "<<ZC>>$c<<"; done; builtin compadd "$@" }'
zpty -w -n z "$2"$'\t'
local out
zpty -r z out '*<<ZCEND>>*'
zpty -d z
print -r -- "$out" | tr '\r' '\n' | sed -n 's/.*<<ZC>>\(.*\)<<$/\1/p' | sort -u
