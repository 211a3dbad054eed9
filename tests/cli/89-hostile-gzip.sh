# hostile input: gzip cut short anywhere (in the header, before the trailer) or corrupt (a byte flipped mid-stream, in the CRC, in the length) is exit 3 with one line naming the file, and no report
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# copies $1 to $3 with the byte at offset $2 (from 0) inverted
flip() {
	_b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
	{
		head -c "$2" "$1"
		# shellcheck disable=SC2059
		printf "\\$(printf %o $((_b ^ 255)))"
		tail -c +$(($2 + 2)) "$1"
	} >"$3"
}
awk 'BEGIN {
	print "time,status,path"
	for (i = 0; i < 20000; i++)
		printf "%d,%d,/item/%d\n", 1790000000 + i, i % 97 ? 200 : 503, i * 7919 % 10007
}' | gzip -n -6 >good.csv.gz
n=$(wc -c <good.csv.gz)
report -t 99 good.csv.gz | sed -n 1,2p
head -c 2 good.csv.gz >magic-only.csv.gz
head -c 10 good.csv.gz >header-only.csv.gz
head -c $((n / 2)) good.csv.gz >half.csv.gz
head -c $((n - 4)) good.csv.gz >no-length.csv.gz
head -c $((n - 8)) good.csv.gz >no-trailer.csv.gz
flip good.csv.gz $((n / 2)) flipped.csv.gz
flip good.csv.gz $((n - 6)) bad-crc.csv.gz
flip good.csv.gz $((n - 2)) bad-length.csv.gz
for f in magic-only header-only half no-length no-trailer flipped bad-crc bad-length; do
	report -t 99 $f.csv.gz
done
report -t 99 - <flipped.csv.gz
# one bad file among good ones stops the run
report -t 99 good.csv.gz flipped.csv.gz good.csv.gz
