# eval: an SLI or burn rate just past the target is not rounded onto it
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'requests,errors\n20995,21\n' >edge.csv
$SLO eval -t 99.9 --total-col requests --bad-col errors edge.csv; echo "exit=$?"
