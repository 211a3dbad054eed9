/* Judging a status field: an HTTP status code is bad when it is in the
 * bad set (5xx by default); a word (up/down, ok/fail, true/false, 1/0,
 * success/failure, ...) is judged by what it says. */
#ifndef SLO_INPUT_STATUS_H
#define SLO_INPUT_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#define STATUS_MIN 100
#define STATUS_MAX 599

/* The HTTP status codes counted as bad. */
struct status_set {
	unsigned char bad[STATUS_MAX + 1];
};

/* The default bad set: 500-599. */
void status_set_default(struct status_set *set);

/* Parses a list such as "5xx,429" or "500-504,429" into set (replacing
 * it).  Items: a code (100-599), a class "4xx", or a range "500-504".
 * Returns 0, or -1 with the offending item copied into bad_item. */
int status_set_parse(struct status_set *set, const char *list, char *bad_item,
		     size_t size);

/* Writes the bad set as ranges ("500-599", "429, 500-599"); returns buf. */
char *status_set_describe(const struct status_set *set, char *buf, size_t size);

enum status_verdict {
	STATUS_GOOD,
	STATUS_BAD,
	STATUS_INVALID, /* neither a code in 100-599 nor a known word */
};

/* s[0..2] as a status code, or 0 when it is not three digits in
 * STATUS_MIN..STATUS_MAX. */
static inline unsigned status_three_digits(const char *s)
{
	unsigned a = (unsigned char)s[0] - '0', b = (unsigned char)s[1] - '0',
		 c = (unsigned char)s[2] - '0';
	if (a > 9 || b > 9 || c > 9)
		return 0;
	unsigned code = a * 100 + b * 10 + c;
	return code >= STATUS_MIN && code <= STATUS_MAX ? code : 0;
}

/* status_judge for all but a bare three-digit code. */
enum status_verdict status_judge_other(const struct status_set *set, const char *s,
				       size_t len);

/* Judges s[0..len), surrounding spaces ignored, words case-insensitive.
 * Inline: a bare code, the common case, takes no call (no word is three
 * digits: "0" and "1" are words, not codes). */
static inline enum status_verdict status_judge(const struct status_set *set, const char *s,
					       size_t len)
{
	unsigned code;
	if (len == 3 && (code = status_three_digits(s)))
		return set->bad[code] ? STATUS_BAD : STATUS_GOOD;
	return status_judge_other(set, s, len);
}

/* The words status_judge knows, for messages and the manual. */
extern const char *const status_good_words[];
extern const char *const status_bad_words[];

#endif
