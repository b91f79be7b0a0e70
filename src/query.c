/* query.c - copse's search language read into terms, and the FTS5
 * expression made of them (every term a quoted string).  See query.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/query.h"
#include "copse/status.h"

void query_init(struct query *q)
{
	memset(q, 0, sizeof *q);
}

void query_done(struct query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->terms[i].text);
		strv_done(&q->terms[i].more);
	}
	free(q->terms);
	query_init(q);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int fail(char *err, size_t n, const char *msg)
{
	snprintf(err, n, "%s", msg);
	return COPSE_INVALID;
}

/* Append a term of text [s, s + len) to q. */
static int add_term(struct query *q, const char *s, size_t len, int phrase, int prefix,
		    int group, int not)
{
	struct query_term *t, *nt;

	nt = realloc(q->terms, (q->n + 1) * sizeof *nt);
	if (!nt)
		return COPSE_NOMEM;
	q->terms = nt;
	t = &q->terms[q->n];
	memset(t, 0, sizeof *t);
	strv_init(&t->more);
	if (!(t->text = malloc(len + 1)))
		return COPSE_NOMEM;
	memcpy(t->text, s, len);
	t->text[len] = '\0';
	t->phrase = phrase;
	t->prefix = prefix;
	t->group = group;
	t->not = not;
	q->n++;
	return COPSE_OK;
}

int query_parse(const char *text, int flags, struct query *q, char *err, size_t errn)
{
	const char *p = text ? text : "";
	int typing = (flags & QUERY_TYPING) != 0;
	int or_wait = 0, not_wait = 0, positive = 0, open_end = 0, st;

	err[0] = '\0';
	q->ngroups = 0;
	for (;;) {
		const char *w;
		size_t len;
		int phrase = 0, prefix = 0;

		while (is_space(*p))
			p++;
		if (!*p)
			break;
		open_end = 0;
		if (*p == '"') {
			/* a phrase, to the closing quote or the end */
			w = ++p;
			while (*p && *p != '"')
				p++;
			len = (size_t)(p - w);
			phrase = 1;
			if (*p == '"')
				p++;
			else
				open_end = 1;
			while (*p == '*') {
				prefix = 1;
				p++;
			}
		} else {
			w = p;
			while (*p && !is_space(*p))
				p++;
			len = (size_t)(p - w);
			if (len == 2 && memcmp(w, "OR", 2) == 0) {
				if (q->ngroups == 0 || or_wait || not_wait)
					return fail(err, errn, "OR needs a word on each side");
				or_wait = 1;
				continue;
			}
			if (len == 3 && memcmp(w, "NOT", 3) == 0) {
				if (or_wait)
					return fail(err, errn, "NOT cannot follow OR: put NOT x on its own");
				if (not_wait)
					return fail(err, errn, "NOT needs a word after it");
				not_wait = 1;
				continue;
			}
			while (len > 0 && w[len - 1] == '*') {
				prefix = 1;
				len--;
			}
		}
		if (q->n >= QUERY_MAX_TERMS) {
			snprintf(err, errn, "too many words: at most %d", QUERY_MAX_TERMS);
			return COPSE_INVALID;
		}
		if (or_wait) {
			/* one more term of the group before it, NOT or not */
			st = add_term(q, w, len, phrase, prefix, q->ngroups - 1,
				      q->terms[q->n - 1].not);
			or_wait = 0;
		} else {
			st = add_term(q, w, len, phrase, prefix, q->ngroups++, not_wait);
			positive += !not_wait;
			not_wait = 0;
		}
		if (st != COPSE_OK)
			return st;
	}
	if (or_wait && !typing)
		return fail(err, errn, "OR needs a word on each side");
	if (not_wait && !typing)
		return fail(err, errn, "NOT needs a word after it");
	if (q->n > 0 && positive == 0)
		return fail(err, errn, "NOT only leaves out: add a word to search for");
	/* The word being typed: the last term, when nothing follows it yet
	 * (no space, no operator waiting) and it is looked for, not left
	 * out.  A phrase still open is typed too: its last word a prefix. */
	if (typing && q->n > 0 && !or_wait && !not_wait && !is_space(p[-1])) {
		struct query_term *t = &q->terms[q->n - 1];

		if (!t->not && t->phrase && open_end)
			t->prefix = 1;
		else if (!t->not && !t->phrase && !t->prefix)
			t->typing = 1;
	}
	return COPSE_OK;
}

int query_has_not(const struct query *q)
{
	for (size_t i = 0; i < q->n; i++)
		if (q->terms[i].not && !q->terms[i].empty)
			return 1;
	return 0;
}

/* "text" with each " doubled, then * for a prefix; counts the phrase. */
static int put_phrase(struct buf *out, const char *text, int prefix, int *nphrase)
{
	if (buf_putc(out, '"') != 0)
		return -1;
	for (const char *c = text; *c; c++)
		if ((*c == '"' && buf_putc(out, '"') != 0) || buf_putc(out, *c) != 0)
			return -1;
	if (buf_putc(out, '"') != 0 || (prefix && buf_putc(out, '*') != 0))
		return -1;
	(*nphrase)++;
	return 0;
}

/* Group g as "(a OR b ...)"; *put 0 when none of its terms is left.
 * *whole gets the phrase index of a typing term's whole word. */
static int put_group(const struct query *q, int g, struct buf *out, int *nphrase, int *whole,
		     int *put)
{
	int n = 0;

	*put = 0;
	for (size_t i = 0; i < q->n; i++) {
		const struct query_term *t = &q->terms[i];

		if (t->group != g || t->empty)
			continue;
		if (buf_puts(out, n++ ? " OR " : "(") != 0)
			return -1;
		if (t->typing && t->more.n > 0 && whole)
			*whole = *nphrase;
		if (put_phrase(out, t->text, t->prefix, nphrase) != 0)
			return -1;
		for (size_t k = 0; t->typing && k < t->more.n; k++)
			if (buf_puts(out, " OR ") != 0 ||
			    put_phrase(out, t->more.v[k], 0, nphrase) != 0)
				return -1;
	}
	if (n && buf_putc(out, ')') != 0)
		return -1;
	*put = n > 0;
	return 0;
}

/* The groups whose NOT is `not`, joined by sep; *count gets how many. */
static int put_groups(const struct query *q, int not, const char *sep, struct buf *out,
		      int *nphrase, int *whole, int *count)
{
	*count = 0;
	for (int g = 0; g < q->ngroups; g++) {
		size_t mark = out->len;
		int put, is_not = 0;

		for (size_t i = 0; i < q->n; i++)
			if (q->terms[i].group == g)
				is_not = q->terms[i].not;
		if (is_not != not)
			continue;
		if (*count && buf_puts(out, sep) != 0)
			return -1;
		if (put_group(q, g, out, nphrase, whole, &put) != 0)
			return -1;
		if (put)
			(*count)++;
		else
			out->len = mark;     /* nothing of it left: no separator either */
	}
	if (out->s)
		out->s[out->len] = '\0';
	return 0;
}

int query_fts(const struct query *q, struct buf *out, int *whole)
{
	size_t start = out->len;
	int nphrase = 0, npos, nneg;

	if (whole)
		*whole = -1;
	if (put_groups(q, 0, " AND ", out, &nphrase, whole, &npos) != 0)
		return -1;
	if (npos == 0) {
		out->len = start;
		if (out->s)
			out->s[start] = '\0';
		if (whole)
			*whole = -1;
		return 0;
	}
	if (query_has_not(q)) {
		size_t mark = out->len;

		if (buf_puts(out, " NOT (") != 0 ||
		    put_groups(q, 1, " OR ", out, &nphrase, NULL, &nneg) != 0 ||
		    buf_putc(out, ')') != 0)
			return -1;
		if (nneg == 0) {
			out->len = mark;
			out->s[mark] = '\0';
		}
	}
	return 1;
}

int query_fts_not(const struct query *q, struct buf *out)
{
	int nphrase = 0, nneg;

	if (put_groups(q, 1, " OR ", out, &nphrase, NULL, &nneg) != 0)
		return -1;
	return nneg > 0;
}
