/* The names of the output formats, as --format takes them. */
#include "report/formats.h"

#include <string.h>

int report_format_parse(const char *s, enum report_format *f)
{
	static const struct {
		const char *name;
		enum report_format f;
	} names[] = {{"text", REPORT_TEXT}, {"json", REPORT_JSON}, {"csv", REPORT_CSV},
		     {"tsv", REPORT_TSV},   {"prom", REPORT_PROM}, {"markdown", REPORT_MARKDOWN}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

const char *report_format_names(void)
{
	return "text, json, csv, tsv, prom or markdown";
}
