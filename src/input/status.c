/* Status judging. */
#include "input/status.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/num.h"

const char *const status_good_words[] = {
	"up", "ok", "true", "success", "successful", "passed", "healthy", "1", NULL};
const char *const status_bad_words[] = {
	"down", "fail", "failed", "failure", "false", "unhealthy", "0", NULL};

void status_set_default(struct status_set *set)
{
	memset(set, 0, sizeof *set);
	memset(set->bad + 500, 1, 100);
}

static int parse_code(const char *s, size_t len, unsigned *out)
{
	uint64_t v;
	if (num_parse_u64(s, len, &v) != NUM_OK || v < STATUS_MIN || v > STATUS_MAX)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int status_set_parse(struct status_set *set, const char *list, char *bad_item,
		     size_t size)
{
	memset(set, 0, sizeof *set);
	const char *p = list;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		unsigned lo, hi;
		const char *dash = memchr(p, '-', len);

		if (len == 3 && p[0] >= '1' && p[0] <= '5' &&
		    (p[1] == 'x' || p[1] == 'X') && (p[2] == 'x' || p[2] == 'X')) {
			lo = (unsigned)(p[0] - '0') * 100;
			hi = lo + 99;
		} else if (dash) {
			if (parse_code(p, (size_t)(dash - p), &lo) ||
			    parse_code(dash + 1, len - (size_t)(dash - p) - 1, &hi) || hi < lo)
				goto bad;
		} else if (parse_code(p, len, &lo) == 0) {
			hi = lo;
		} else {
			goto bad;
		}
		memset(set->bad + lo, 1, hi - lo + 1);
		if (!end)
			return 0;
		p = end + 1;
		continue;
	bad:
		snprintf(bad_item, size, "%.*s", (int)len, p);
		return -1;
	}
}

char *status_set_describe(const struct status_set *set, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int c = STATUS_MIN; c <= STATUS_MAX && o < size; c++) {
		if (!set->bad[c])
			continue;
		int e = c;
		while (e < STATUS_MAX && set->bad[e + 1])
			e++;
		int w = e > c ? snprintf(buf + o, size - o, "%s%d-%d", o ? ", " : "", c, e)
			      : snprintf(buf + o, size - o, "%s%d", o ? ", " : "", c);
		if (w < 0)
			break;
		o += (size_t)w;
		c = e;
	}
	if (!buf[0])
		snprintf(buf, size, "none");
	return buf;
}

static int in_words(const char *const *words, const char *s, size_t len)
{
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == len && strncasecmp(words[i], s, len) == 0)
			return 1;
	return 0;
}

/* A code with spaces around it, or a word (status_judge took a bare code). */
enum status_verdict status_judge_other(const struct status_set *set, const char *s,
				       size_t len)
{
	unsigned code;
	while (len > 0 && s[0] == ' ') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 3 && (code = status_three_digits(s)))
		return set->bad[code] ? STATUS_BAD : STATUS_GOOD;
	if (in_words(status_good_words, s, len))
		return STATUS_GOOD;
	if (in_words(status_bad_words, s, len))
		return STATUS_BAD;
	return STATUS_INVALID;
}
