/* merge.c - conflict merge text: a line diff of two versions (longest
 * common subsequence) written with conflict markers.  See merge.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/merge.h"
#include "copse/status.h"
#include "copse/util.h"

struct lines {
	const char **p;
	size_t *len;
	size_t n;
};

static int split_lines(const char *s, struct lines *l)
{
	size_t cap = 1;

	l->n = 0;
	s = s ? s : "";
	for (const char *q = s; *q; q++)
		cap += *q == '\n';
	l->p = malloc(cap * sizeof *l->p);
	l->len = malloc(cap * sizeof *l->len);
	if (!l->p || !l->len)
		return -1;
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		l->p[l->n] = s;
		l->len[l->n++] = len;
		s += len + (e ? 1 : 0);
	}
	return 0;
}

static int same_line(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return a->len[i] == b->len[j] && memcmp(a->p[i], b->p[j], a->len[i]) == 0;
}

static int put_line(struct buf *out, const struct lines *l, size_t i)
{
	return buf_add(out, l->p[i], l->len[i]) || buf_putc(out, '\n');
}

static int put_hunk(struct buf *out, const struct lines *a, size_t a0, size_t a1,
		    const struct lines *b, size_t b0, size_t b1, const char *theirs_label)
{
	if (a0 == a1 && b0 == b1)
		return 0;
	if (buf_puts(out, "<<<<<<< yours\n"))
		return -1;
	for (size_t i = a0; i < a1; i++)
		if (put_line(out, a, i))
			return -1;
	if (buf_puts(out, "=======\n"))
		return -1;
	for (size_t j = b0; j < b1; j++)
		if (put_line(out, b, j))
			return -1;
	return buf_printf(out, ">>>>>>> %s\n", theirs_label);
}

#define MERGE_MAX_CELLS (4u * 1024 * 1024)

int merge_text(const char *yours, const char *theirs, int their_version,
	       const char *their_login, struct buf *out)
{
	struct lines a = { 0 }, b = { 0 };
	uint32_t *L = NULL;
	char label[160];
	size_t pre = 0, suf = 0, n, m;
	int rc = COPSE_NOMEM;

	if (their_login && *their_login)
		snprintf(label, sizeof label, "theirs (version %d by %s)", their_version, their_login);
	else
		snprintf(label, sizeof label, "theirs (version %d)", their_version);
	if (split_lines(yours, &a) || split_lines(theirs, &b))
		goto out;
	/* Common head and tail are written once. */
	while (pre < a.n && pre < b.n && same_line(&a, pre, &b, pre))
		pre++;
	while (suf < a.n - pre && suf < b.n - pre &&
	       same_line(&a, a.n - 1 - suf, &b, b.n - 1 - suf))
		suf++;
	for (size_t i = 0; i < pre; i++)
		if (put_line(out, &a, i))
			goto out;
	n = a.n - pre - suf;
	m = b.n - pre - suf;
	if (n && m && (n + 1) * (m + 1) <= MERGE_MAX_CELLS &&
	    (L = calloc((n + 1) * (m + 1), sizeof *L))) {
		/* Longest common subsequence of the middle, from the end. */
#define LCS(i, j) L[(size_t)(i) * (m + 1) + (j)]
		for (size_t i = n; i-- > 0;)
			for (size_t j = m; j-- > 0;)
				LCS(i, j) = same_line(&a, pre + i, &b, pre + j) ? LCS(i + 1, j + 1) + 1
					    : LCS(i + 1, j) >= LCS(i, j + 1) ? LCS(i + 1, j) : LCS(i, j + 1);
		size_t i = 0, j = 0, hi = 0, hj = 0;
		while (i < n || j < m) {
			if (i < n && j < m && same_line(&a, pre + i, &b, pre + j)) {
				if (put_hunk(out, &a, pre + hi, pre + i, &b, pre + hj, pre + j, label) ||
				    put_line(out, &a, pre + i))
					goto out;
				i++, j++;
				hi = i, hj = j;
			} else if (j >= m || (i < n && LCS(i + 1, j) >= LCS(i, j + 1))) {
				i++;
			} else {
				j++;
			}
		}
#undef LCS
		if (put_hunk(out, &a, pre + hi, pre + n, &b, pre + hj, pre + m, label))
			goto out;
	} else if (put_hunk(out, &a, pre, pre + n, &b, pre, pre + m, label)) {
		goto out;
	}
	for (size_t i = a.n - suf; i < a.n; i++)
		if (put_line(out, &a, i))
			goto out;
	rc = COPSE_OK;
out:
	free(L);
	free(a.p);
	free(a.len);
	free(b.p);
	free(b.len);
	return rc;
}

int merge_markers(const char *text)
{
	int lineno = 1;

	for (const char *p = text ? text : ""; *p; lineno++) {
		if ((strncmp(p, "<<<<<<<", 7) == 0 || strncmp(p, ">>>>>>>", 7) == 0) &&
		    (p[7] == ' ' || p[7] == '\n' || p[7] == '\r' || p[7] == '\0'))
			return lineno;
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return 0;
}
