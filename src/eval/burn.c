/* Burn rates and alert policies. */
#include "eval/burn.h"

#include <stdio.h>
#include <string.h>

#include "util/duration.h"
#include "util/num.h"

double burn_rate(int64_t target, uint64_t total, uint64_t bad)
{
	if (total == 0)
		return 0;
	/* bad x ONE / (total x (ONE - T)), in doubles only at the end */
	return (double)bad * (double)FRAC_ONE / ((double)total * (double)(FRAC_ONE - target));
}

size_t alert_policy_sre(int64_t window_ns, struct alert_rule *rules)
{
	static const struct {
		const char *severity;
		int64_t long_ns, short_ns;
		double spent;
	} sre[] = {
		{"page", NS_PER_HOUR, 5 * NS_PER_MIN, 0.02},
		{"page", 6 * NS_PER_HOUR, 30 * NS_PER_MIN, 0.05},
		{"ticket", NS_PER_DAY, 2 * NS_PER_HOUR, 0.10},
		{"ticket", 3 * NS_PER_DAY, 6 * NS_PER_HOUR, 0.10},
	};
	for (size_t i = 0; i < 4; i++) {
		char l[32];
		struct alert_rule *r = &rules[i];
		memset(r, 0, sizeof *r);
		snprintf(r->severity, sizeof r->severity, "%s", sre[i].severity);
		snprintf(r->name, sizeof r->name, "%s-%s", sre[i].severity,
			 duration_format_human(sre[i].long_ns, l, sizeof l));
		r->long_ns = sre[i].long_ns;
		r->short_ns = sre[i].short_ns;
		r->threshold = sre[i].spent * (double)window_ns / (double)sre[i].long_ns;
	}
	return 4;
}

int alert_parse(const char *spec, struct alert_rule *r, char *why, size_t whylen)
{
	char buf[128], *slash, *colon, *sev;

	memset(r, 0, sizeof *r);
	if (strlen(spec) >= sizeof buf) {
		snprintf(why, whylen, "too long");
		return -1;
	}
	strcpy(buf, spec);
	slash = strchr(buf, '/');
	colon = slash ? strchr(slash, ':') : NULL;
	if (!slash || !colon) {
		snprintf(why, whylen, "\"%s\" is not LONG/SHORT:RATE[:SEVERITY], e.g. 1h/5m:14.4:page",
			 spec);
		return -1;
	}
	*slash = *colon = '\0';
	sev = strchr(colon + 1, ':');
	if (sev)
		*sev++ = '\0';
	if (duration_parse(buf, &r->long_ns) != NUM_OK ||
	    duration_parse(slash + 1, &r->short_ns) != NUM_OK) {
		snprintf(why, whylen, "\"%s\": the windows must be durations such as 1h and 5m", spec);
		return -1;
	}
	if (r->short_ns > r->long_ns) {
		snprintf(why, whylen, "\"%s\": the short window is longer than the long one", spec);
		return -1;
	}
	if (r->long_ns % NS_PER_MIN || r->short_ns % NS_PER_MIN) {
		snprintf(why, whylen, "\"%s\": alert windows are whole minutes", spec);
		return -1;
	}
	int64_t rate;
	if (num_parse_scaled(colon + 1, strlen(colon + 1), FRAC_DIGITS, &rate) != NUM_OK ||
	    rate <= 0) {
		snprintf(why, whylen, "\"%s\": the rate must be a positive number such as 14.4", spec);
		return -1;
	}
	r->threshold = (double)rate / (double)FRAC_ONE;
	snprintf(r->severity, sizeof r->severity, "%s", sev && *sev ? sev : "alert");
	char l[32], sh[32];
	snprintf(r->name, sizeof r->name, "%s-%s-%s", r->severity,
		 duration_format_human(r->long_ns, l, sizeof l),
		 duration_format_human(r->short_ns, sh, sizeof sh));
	return 0;
}

int64_t burn_exhaustion_ns(double remaining, double burn, int64_t window_ns)
{
	if (burn <= 0 || remaining <= 0)
		return -1;
	double ns = remaining * (double)window_ns / burn;
	if (ns > 9e18)
		return -1;
	return (int64_t)ns;
}
