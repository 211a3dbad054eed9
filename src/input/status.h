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

/* Judges s[0..len), surrounding spaces ignored, words case-insensitive. */
enum status_verdict status_judge(const struct status_set *set, const char *s,
				 size_t len);

/* The words status_judge knows, for messages and the manual. */
extern const char *const status_good_words[];
extern const char *const status_bad_words[];

#endif
