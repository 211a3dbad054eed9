# eval --format markdown: a table for CI summaries (a header, an alignment row, a row per objective, the same cells in each) and a one-line verdict
. tests/cli/formats.sh
$SLO eval --format markdown -t 99.9 -l 300ms:99 examples/api-requests.csv; echo "exit=$?"
$SLO eval --format markdown -t 99.9 -l 300ms:99 examples/api-requests.csv | md_check
# met, but under --fail-under: FAILING, exit 1
$SLO eval --format markdown -t 99.9 --fail-under 60 --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
$SLO eval --format markdown -t 99.9 --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
# no data in the window: not met, or allowed
$SLO eval --format markdown -t 99.9 --from 2026-09-01 --to 2026-09-02 examples/api-requests.csv; echo "exit=$?"
$SLO eval --format markdown -t 99.9 --allow-no-data --from 2026-09-01 --to 2026-09-02 examples/api-requests.csv; echo "exit=$?"
# skipped rows are named in the verdict
$SLO eval --format markdown -t 99 examples/broken.csv 2>/dev/null; echo "exit=$?"
