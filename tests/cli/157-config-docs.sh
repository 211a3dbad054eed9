# eval -c: the README and the man page show examples/slos.yaml as it is (the man page without its comments and blank lines), and it runs
# the README's yaml block after "This is `examples/slos.yaml`, complete"
awk '/^This is `examples\/slos.yaml`, complete/ { f = 1; next }
     f == 1 && /^```yaml/ { f = 2; next }
     f == 2 && /^```/ { exit }
     f == 2 { print }' README.md >/tmp/slo-157-readme.$$
cmp -s /tmp/slo-157-readme.$$ examples/slos.yaml && echo "README: same" || echo "README: DIFFERENT"
# the man page's literal block after "is a complete example"
awk '/is a complete example/ { f = 1; next }
     f == 1 && /^\.Bd/ { f = 2; next }
     f == 2 && /^\.Ed/ { exit }
     f == 2 { gsub(/\\-/, "-"); print }' man/slo.1 >/tmp/slo-157-man.$$
grep -v '^ *#' examples/slos.yaml | sed 's/ *#.*//' | grep -v '^$' >/tmp/slo-157-file.$$
cmp -s /tmp/slo-157-man.$$ /tmp/slo-157-file.$$ && echo "man page: same" || { echo "man page: DIFFERENT"; diff /tmp/slo-157-man.$$ /tmp/slo-157-file.$$; }
rm -f /tmp/slo-157-readme.$$ /tmp/slo-157-man.$$ /tmp/slo-157-file.$$
# the README's excerpt of the report: its section lines are the report's
$SLO eval -c examples/slos.yaml | grep "^==" >/tmp/slo-157-run.$$
for l in $(grep -n '^== ' README.md | cut -d: -f1); do sed -n "${l}p" README.md; done | while read -r line; do
	grep -qxF -- "$line" /tmp/slo-157-run.$$ && echo "in the report: $line" || echo "NOT in the report: $line"
done
rm -f /tmp/slo-157-run.$$
