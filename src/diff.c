/* diff.c - a line diff of two texts (see diff.h): the classic table of
 * longest common subsequences, walked from the start. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copse/diff.h"

/* A text split into lines (pointers into it). */
struct lines {
	const char **s;
	size_t *len;
	size_t n;
};

static int split(const char *t, struct lines *l)
{
	size_t cap = 0;

	memset(l, 0, sizeof *l);
	if (!t)
		t = "";
	while (*t) {
		size_t k = strcspn(t, "\n");

		if (l->n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			const char **ns = realloc(l->s, nc * sizeof *ns);
			size_t *nl;

			if (!ns)
				return -1;
			l->s = ns;
			if (!(nl = realloc(l->len, nc * sizeof *nl)))
				return -1;
			l->len = nl;
			cap = nc;
		}
		l->s[l->n] = t;
		l->len[l->n++] = k;
		t += k;
		if (*t == '\n')
			t++;
	}
	return 0;
}

static void lines_free(struct lines *l)
{
	free(l->s);
	free(l->len);
}

static int same(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return a->len[i] == b->len[j] && memcmp(a->s[i], b->s[j], a->len[i]) == 0;
}

static int push(struct diff_line **v, size_t *n, size_t *cap, int op, const char *s,
		size_t len, int a_no, int b_no)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		struct diff_line *nv = realloc(*v, nc * sizeof *nv);

		if (!nv)
			return -1;
		*v = nv;
		*cap = nc;
	}
	(*v)[(*n)++] = (struct diff_line){ op, s, len, a_no, b_no };
	return 0;
}

int diff_lines(const char *a, const char *b, struct diff_line **out, size_t *n)
{
	struct lines la, lb;
	size_t cap = 0, i = 0, j = 0, pre = 0, suf = 0;
	uint32_t *t = NULL;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (split(a, &la) != 0 || split(b, &lb) != 0) {
		lines_free(&la);
		lines_free(&lb);
		return -1;
	}
	/* the common start and end need no table */
	while (pre < la.n && pre < lb.n && same(&la, pre, &lb, pre))
		pre++;
	while (suf < la.n - pre && suf < lb.n - pre &&
	       same(&la, la.n - 1 - suf, &lb, lb.n - 1 - suf))
		suf++;
	size_t an = la.n - pre - suf, bn = lb.n - pre - suf, w = bn + 1;

	if (an && bn && (an + 1) * w <= DIFF_MAX_CELLS &&
	    (t = calloc((an + 1) * w, sizeof *t))) {
		/* t[x][y]: the LCS of a's middle lines from x and b's from y */
		for (size_t x = an; x-- > 0;)
			for (size_t y = bn; y-- > 0;)
				t[x * w + y] = same(&la, pre + x, &lb, pre + y)
					? t[(x + 1) * w + y + 1] + 1
					: (t[(x + 1) * w + y] >= t[x * w + y + 1]
					   ? t[(x + 1) * w + y] : t[x * w + y + 1]);
	} else if (an && bn && (an + 1) * w <= DIFF_MAX_CELLS) {
		rc = -1;
	}
	for (size_t k = 0; rc == 0 && k < pre; k++, i++, j++)
		rc = push(out, n, &cap, DIFF_SAME, la.s[i], la.len[i], (int)i + 1, (int)j + 1);
	while (rc == 0 && (i < pre + an || j < pre + bn)) {
		size_t x = i - pre, y = j - pre;

		if (i < pre + an && j < pre + bn && t && same(&la, i, &lb, j)) {
			rc = push(out, n, &cap, DIFF_SAME, la.s[i], la.len[i], (int)i + 1, (int)j + 1);
			i++;
			j++;
		} else if (i < pre + an &&
			   (j == pre + bn || !t || t[(x + 1) * w + y] >= t[x * w + y + 1])) {
			rc = push(out, n, &cap, DIFF_DEL, la.s[i], la.len[i], (int)i + 1, 0);
			i++;
		} else {
			rc = push(out, n, &cap, DIFF_ADD, lb.s[j], lb.len[j], 0, (int)j + 1);
			j++;
		}
	}
	for (size_t k = 0; rc == 0 && k < suf; k++, i++, j++)
		rc = push(out, n, &cap, DIFF_SAME, la.s[i], la.len[i], (int)i + 1, (int)j + 1);
	free(t);
	lines_free(&la);
	lines_free(&lb);
	if (rc != 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int diff_unified(const char *a, const char *b, const char *name_a, const char *name_b,
		 int context, struct buf *out)
{
	struct diff_line *v;
	size_t n, i = 0;
	int changed = 0, rc = 0;

	if (diff_lines(a, b, &v, &n) != 0)
		return -1;
	for (size_t k = 0; k < n; k++)
		changed += v[k].op != DIFF_SAME;
	if (changed)
		rc |= buf_printf(out, "--- %s\n+++ %s\n", name_a, name_b);
	while (changed && i < n) {
		size_t first, last, k;
		int a0 = 0, b0 = 0, ac = 0, bc = 0;

		while (i < n && v[i].op == DIFF_SAME)
			i++;
		if (i == n)
			break;
		/* a hunk: from context lines before the change to context
		 * lines after the last change that is near enough */
		first = i > (size_t)context ? i - (size_t)context : 0;
		last = i;
		for (k = i; k < n; k++) {
			if (v[k].op != DIFF_SAME)
				last = k;
			else if (k - last > (size_t)(2 * context))
				break;
		}
		last = last + (size_t)context < n - 1 ? last + (size_t)context : n - 1;
		for (k = 0; k < first; k++) {
			a0 += v[k].op != DIFF_ADD;
			b0 += v[k].op != DIFF_DEL;
		}
		for (k = first; k <= last; k++) {
			ac += v[k].op != DIFF_ADD;
			bc += v[k].op != DIFF_DEL;
		}
		/* a side with no lines starts after the line before the hunk */
		rc |= buf_printf(out, "@@ -%d,%d +%d,%d @@\n", a0 + (ac > 0), ac, b0 + (bc > 0), bc);
		for (k = first; k <= last; k++) {
			rc |= buf_putc(out, (char)v[k].op);
			rc |= buf_add(out, v[k].s, v[k].len);
			rc |= buf_putc(out, '\n');
		}
		i = last + 1;
	}
	free(v);
	return rc ? -1 : changed;
}
