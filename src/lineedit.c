/* lineedit.c - one line edited like a shell line.  See lineedit.h. */
#include <stdlib.h>
#include <string.h>

#include "copse/lineedit.h"
#include "copse/text.h"

int lineedit_init(struct lineedit *le, size_t max)
{
	memset(le, 0, sizeof *le);
	le->max = max;
	le->cap = 64;
	le->s = malloc(le->cap);
	if (!le->s) {
		le->cap = 0;
		return -1;
	}
	le->s[0] = '\0';
	return 0;
}

void lineedit_done(struct lineedit *le)
{
	if (!le)
		return;
	free(le->s);
	memset(le, 0, sizeof *le);
}

const char *lineedit_text(const struct lineedit *le)
{
	return le->s ? le->s : "";
}

int lineedit_empty(const struct lineedit *le)
{
	return le->len == 0;
}

void lineedit_clear(struct lineedit *le)
{
	le->len = le->cur = le->scroll = 0;
	if (le->s)
		le->s[0] = '\0';
}

static int grow(struct lineedit *le, size_t need)
{
	size_t cap = le->cap ? le->cap : 64;
	char *s;

	if (need + 1 <= le->cap)
		return 0;
	while (cap < need + 1)
		cap *= 2;
	s = realloc(le->s, cap);
	if (!s)
		return -1;
	if (!le->s)
		s[0] = '\0';
	le->s = s;
	le->cap = cap;
	return 0;
}

/* Code points that may go into the line: none the sanitiser would not
 * pass (text_cp_unsafe: controls, bidirectional controls, line
 * separators), no noncharacter; text_encode refuses surrogates and values
 * beyond Unicode. */
static int insertable(uint32_t cp)
{
	return !text_cp_unsafe(cp) && cp != 0xfffe && cp != 0xffff;
}

int lineedit_insert(struct lineedit *le, uint32_t cp)
{
	char u[4];
	int n;

	if (!insertable(cp))
		return 0;
	if ((n = text_encode(cp, u)) == 0)
		return 0;
	if (le->max && le->len + (size_t)n > le->max)
		return 0;
	if (grow(le, le->len + (size_t)n) != 0)
		return -1;
	memmove(le->s + le->cur + n, le->s + le->cur, le->len - le->cur + 1);
	memcpy(le->s + le->cur, u, (size_t)n);
	le->len += (size_t)n;
	le->cur += (size_t)n;
	return 1;
}

int lineedit_set(struct lineedit *le, const char *text)
{
	size_t len = text ? strlen(text) : 0;

	lineedit_clear(le);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = text_decode(text + i, len - i, &cp);

		i += (size_t)n;
		if (cp == '\n' || cp == '\t' || cp == '\r')
			cp = ' ';
		if (lineedit_insert(le, cp) < 0)
			return -1;
	}
	return 0;
}

/* The start of the cluster that ends at or before pos, walking from the
 * start (a line is short). */
static size_t prev_boundary(const struct lineedit *le, size_t pos)
{
	size_t i = 0, last = 0;
	int w;

	while (i < pos && i < le->len) {
		last = i;
		i += text_cluster(le->s + i, le->len - i, &w);
	}
	return last;
}

static size_t next_boundary(const struct lineedit *le, size_t pos)
{
	int w;

	if (pos >= le->len)
		return le->len;
	return pos + text_cluster(le->s + pos, le->len - pos, &w);
}

/* Remove bytes [from, to) and leave the cursor at from. */
static int cut(struct lineedit *le, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	memmove(le->s + from, le->s + to, le->len - to + 1);
	le->len -= to - from;
	le->cur = from;
	if (le->scroll > le->len)
		le->scroll = 0;
	return 1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

int lineedit_do(struct lineedit *le, enum lineedit_op op)
{
	size_t old = le->cur, p;

	if (!le->s)
		return 0;
	switch (op) {
	case LE_LEFT:
		le->cur = le->cur ? prev_boundary(le, le->cur) : 0;
		break;
	case LE_RIGHT:
		le->cur = next_boundary(le, le->cur);
		break;
	case LE_HOME:
		le->cur = 0;
		break;
	case LE_END:
		le->cur = le->len;
		break;
	case LE_BACKSPACE:
		return le->cur ? cut(le, prev_boundary(le, le->cur), le->cur) : 0;
	case LE_DELETE:
		return cut(le, le->cur, next_boundary(le, le->cur));
	case LE_KILL_START:
		return cut(le, 0, le->cur);
	case LE_KILL_END:
		if (le->cur >= le->len)
			return 0;
		le->len = le->cur;
		le->s[le->len] = '\0';
		return 1;
	case LE_KILL_WORD:
		p = le->cur;
		while (p > 0 && is_blank(le->s[p - 1]))
			p--;
		while (p > 0 && !is_blank(le->s[p - 1]))
			p--;
		return cut(le, p, le->cur);
	}
	return le->cur != old;
}

/* Back from pos over whole clusters while they fit in cols columns. */
static size_t back_cols(const struct lineedit *le, size_t pos, int cols)
{
	size_t p = pos;

	while (p > 0) {
		size_t q = prev_boundary(le, p);

		if (text_width(le->s + q, pos - q) > cols)
			break;
		p = q;
	}
	return p;
}

void lineedit_view(struct lineedit *le, int cols, size_t *start, int *col)
{
	int w;

	if (cols < 1)
		cols = 1;
	if (!le->s) {
		*start = 0;
		*col = 0;
		return;
	}
	/* the whole line fits, with the cursor cell after it */
	if (text_width(le->s, le->len) < cols) {
		le->scroll = 0;
	} else if (le->scroll > le->cur || le->scroll > le->len ||
		   prev_boundary(le, next_boundary(le, le->scroll)) != le->scroll) {
		/* the cursor went left of the window: a third of it back */
		le->scroll = back_cols(le, le->cur, cols / 3);
	} else if (text_width(le->s + le->scroll, le->cur - le->scroll) > cols - 1) {
		/* right of it: the cursor two thirds across */
		le->scroll = back_cols(le, le->cur, cols - 1 - cols / 3);
	}
	w = text_width(le->s + le->scroll, le->cur - le->scroll);
	if (w > cols - 1) {   /* a very narrow window */
		le->scroll = back_cols(le, le->cur, cols - 1);
		w = text_width(le->s + le->scroll, le->cur - le->scroll);
	}
	*start = le->scroll;
	*col = w;
}
