/* The families are few (a few dozen) and so are the SLOs of a config
 * file, so a family is found by a linear search of its name. */
#include "report/prom_merge.h"

#include <stdlib.h>
#include <string.h>

struct text {
	char *s;
	size_t len, cap;
};

struct family {
	char *name;
	struct text head;    /* its HELP and TYPE lines */
	struct text samples;
};

struct prom_merge {
	struct family *f;
	size_t n, cap;
};

static int append(struct text *t, const char *s, size_t len)
{
	if (t->len + len + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		while (cap < t->len + len + 1)
			cap *= 2;
		char *p = realloc(t->s, cap);
		if (!p)
			return -1;
		t->s = p;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, len);
	t->len += len;
	t->s[t->len] = '\0';
	return 0;
}

struct prom_merge *prom_merge_new(void)
{
	return calloc(1, sizeof(struct prom_merge));
}

/* The family of that name, added when new; NULL when out of memory. */
static struct family *family(struct prom_merge *m, const char *name, size_t len, int *added)
{
	*added = 0;
	for (size_t i = 0; i < m->n; i++)
		if (strlen(m->f[i].name) == len && memcmp(m->f[i].name, name, len) == 0)
			return &m->f[i];
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 32;
		struct family *p = realloc(m->f, cap * sizeof *p);
		if (!p)
			return NULL;
		m->f = p;
		m->cap = cap;
	}
	struct family *f = &m->f[m->n];
	memset(f, 0, sizeof *f);
	if (!(f->name = malloc(len + 1)))
		return NULL;
	memcpy(f->name, name, len);
	f->name[len] = '\0';
	m->n++;
	*added = 1;
	return f;
}

int prom_merge_add(struct prom_merge *m, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	struct family *cur = NULL;
	int cur_new = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (n > 7 && memcmp(p, "# HELP ", 7) == 0) {
			const char *name = p + 7, *sp = memchr(name, ' ', n - 7);
			size_t nlen = sp ? (size_t)(sp - name) : n - 7;
			if (!(cur = family(m, name, nlen, &cur_new)))
				return -1;
			if (cur_new && append(&cur->head, p, n))
				return -1;
		} else if (n > 7 && memcmp(p, "# TYPE ", 7) == 0) {
			if (cur && cur_new && append(&cur->head, p, n))
				return -1;
		} else if (cur && n > 1) {
			/* a last line without its newline gets one: the next
			 * exposition's samples may follow it */
			if (append(&cur->samples, p, n) || (!nl && append(&cur->samples, "\n", 1)))
				return -1;
		}
		p += n;
	}
	return 0;
}

void prom_merge_write(const struct prom_merge *m, FILE *out)
{
	for (size_t i = 0; i < m->n; i++) {
		if (m->f[i].head.len)
			fwrite(m->f[i].head.s, 1, m->f[i].head.len, out);
		if (m->f[i].samples.len)
			fwrite(m->f[i].samples.s, 1, m->f[i].samples.len, out);
	}
}

void prom_merge_free(struct prom_merge *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->f[i].name);
		free(m->f[i].head.s);
		free(m->f[i].samples.s);
	}
	free(m->f);
	free(m);
}
