/* md-guard.c - md_check: can libcmark lay this Markdown out in linear
 * time?  See md.h.
 *
 * Debian 12's libcmark 0.30.2 takes quadratic time on a few shapes of
 * input, fixed only in cmark 0.31.  Measured here (tests/bench, 256 KB
 * each): "![[]()" repeated (CVE-2023-22486) 10.7 s; "- - - ... x" and then
 * blank lines ("empty lines in deeply nested lists") over 20 s; ">>>...>"
 * and then "a*a*..." ("emph in deep blockquote") over 20 s.  Every other
 * shape of cmark's pathological tests parses in linear time.  What the
 * parser does in those three:
 *
 *   1. Brackets.  A ']' that closes a link walks back over the unclosed
 *      '![' openers of its paragraph.  Work <= the number of "![" times the
 *      number of ']' in the paragraph, summed over paragraphs.
 *   2. Nesting.  Every blank line walks every open list item, and every
 *      emphasis node made checks each container above it.  Work <= depth
 *      times (blank lines + '*' and '_' characters), depth being the
 *      deepest nesting of block quotes and lists.
 *
 * md_check bounds both in one pass over the bytes, without parsing:
 *
 *   - Paragraphs.  It cuts the text at lines that surely end a paragraph
 *     whatever containers are open: blank lines, lines of nothing but '>',
 *     and, indented at most three columns, ATX headings, code fences and
 *     bullet items with text.  A paragraph never crosses such a line, so
 *     the counts of a stretch between them bound those of every paragraph
 *     in it.  Lines it cannot be sure of do not cut: the bound only grows.
 *   - Depth.  A line's prefix of '>' markers, list markers and indentation
 *     bounds the nesting it continues or opens: a quote level takes a '>',
 *     a list item (two levels: the list and the item) a marker or at least
 *     two columns of indentation.  A lazy or blank line keeps the nesting
 *     of a line before it, so the deepest prefix anywhere bounds the depth
 *     everywhere; so does the count of all markers in the text, every
 *     container having been opened by one.  The smaller of the two is used.
 *
 * Each work is compared with MD_WORK_LIMIT units; one unit costs about
 * 5 ns in libcmark 0.30.2 here, so the limit is about 0.2 s of parsing.
 * Ordinary writing stays far below it: a 1 MB text with 200 000 blank lines
 * and emphasis marks passes at a nesting depth of 160, and a paragraph
 * needs thousands of unclosed images to come near it.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "copse/md.h"

#define MD_WORK_LIMIT ((uint64_t)1 << 25)

struct guard {
	uint64_t depth_line;     /* deepest nesting a line's prefix allows */
	uint64_t markers;        /* container markers seen: '>' 1, list marker 2 */
	uint64_t blank;          /* lines with nothing after their prefix */
	uint64_t emph;           /* '*' and '_' */
	uint64_t bang, close;    /* "![" and ']' in the current stretch */
	uint64_t bracket_work;   /* sum over stretches of bang * close */
	uint64_t worst_bang, worst_close;   /* the stretch that cost most */
	uint64_t worst_work;
};

/* a * b, or UINT64_MAX when it would overflow. */
static uint64_t mul_sat(uint64_t a, uint64_t b)
{
	if (a && b > UINT64_MAX / a)
		return UINT64_MAX;
	return a * b;
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* End the stretch of lines since the last sure paragraph end. */
static void end_stretch(struct guard *g)
{
	uint64_t w = mul_sat(g->bang, g->close);

	g->bracket_work = add_sat(g->bracket_work, w);
	if (w > g->worst_work) {
		g->worst_work = w;
		g->worst_bang = g->bang;
		g->worst_close = g->close;
	}
	g->bang = g->close = 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The list marker at s[i, e), if any: its length, else 0. */
static size_t list_marker(const char *s, size_t i, size_t e)
{
	size_t k = i;

	if (s[k] == '-' || s[k] == '+' || s[k] == '*') {
		k++;
	} else {
		while (k < e && k - i < 9 && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k == i || k >= e || (s[k] != '.' && s[k] != ')'))
			return 0;
		k++;
	}
	return k == e || is_blank(s[k]) ? k - i : 0;
}

/* One line s[p, e) without its line ending; bang and close are its
 * counts of "![" and ']' (the line's bytes were counted as its end was
 * looked for). */
static void scan_line(struct guard *g, const char *s, size_t p, size_t e,
		      uint64_t bang, uint64_t close)
{
	uint64_t depth = 0, quotes = 0, lists = 0;
	size_t i = p, lead = 0, gap = 0;
	int first = 1, bullet_first = 0, quote_gaps_ok = 1, sure_end = 0;

	/* the prefix: indentation, '>' and list markers */
	for (;;) {
		size_t n;

		gap = 0;
		while (i < e && is_blank(s[i])) {
			gap += s[i] == '\t' ? 4 : 1;
			if (s[i] == '\t' && quotes)
				quote_gaps_ok = 0;
			i++;
		}
		depth += gap;
		if (first)
			lead = gap;
		if (i < e && s[i] == '>') {
			if ((first && gap > 3) || (!first && gap > 4))
				quote_gaps_ok = 0;
			quotes++;
			i++;
		} else if (i < e && (n = list_marker(s, i, e)) > 0) {
			if (first && (s[i] == '-' || s[i] == '+' || s[i] == '*'))
				bullet_first = 1;
			lists++;
			i += n;
		} else {
			break;
		}
		first = 0;
	}
	depth += quotes + 2 * lists;
	if (depth > g->depth_line)
		g->depth_line = depth;
	g->markers = add_sat(g->markers, quotes + 2 * lists);

	if (i == e) {
		g->blank++;
		/* a blank line, or one of only '>': the paragraph ends */
		if (lists == 0 && (quotes == 0 || quote_gaps_ok))
			sure_end = 1;
	} else if (lead <= 3) {
		size_t k = p;

		while (k < e && s[k] == ' ')
			k++;
		if (k < e && s[k] == '#') {
			size_t h = k;
			while (h < e && s[h] == '#')
				h++;
			sure_end = h - k <= 6 && (h == e || is_blank(s[h]));
		} else if (k + 2 < e && (s[k] == '`' || s[k] == '~') && s[k + 1] == s[k] &&
			   s[k + 2] == s[k]) {
			/* a code fence, unless a backtick fence has a backtick in
			 * its info string: then it is paragraph text */
			size_t f = k;

			while (f < e && s[f] == s[k])
				f++;
			sure_end = s[k] == '~' || !memchr(s + f, '`', e - f);
		} else if (bullet_first && k < e && lists >= 1) {
			/* a bullet item with text: it always starts a new block */
			sure_end = 1;
		}
	}
	if (sure_end)
		end_stretch(g);
	g->bang += bang;
	g->close += close;
}

/* The bytes md_check counts, and the line endings: one table lookup a
 * byte finds them all, in one pass. */
enum { B_EMPH = 1, B_CLOSE, B_BANG, B_EOL };

static const unsigned char byte_kind[256] = {
	['*'] = B_EMPH, ['_'] = B_EMPH, [']'] = B_CLOSE, ['!'] = B_BANG,
	['\n'] = B_EOL, ['\r'] = B_EOL,
};

int md_check(const char *src, size_t len, char *why, size_t whylen)
{
	struct guard g = { 0 };
	uint64_t depth, block_work;
	size_t p = 0;

	if (!src)
		len = 0;
	while (p < len) {
		const unsigned char *u = (const unsigned char *)src;
		uint64_t bang = 0, close = 0;
		size_t e;

		for (e = p; e < len; e++) {
			unsigned k = byte_kind[u[e]];

			if (k == 0)
				continue;
			if (k == B_EOL)
				break;
			if (k == B_EMPH)
				g.emph++;
			else if (k == B_CLOSE)
				close++;
			else if (e + 1 < len && src[e + 1] == '[')
				bang++;   /* a '[' is on the same line */
		}
		scan_line(&g, src, p, e, bang, close);
		if (e < len && src[e] == '\r' && e + 1 < len && src[e + 1] == '\n')
			e++;
		p = e + 1;
	}
	end_stretch(&g);

	depth = g.depth_line < g.markers ? g.depth_line : g.markers;
	block_work = mul_sat(depth, add_sat(g.blank, g.emph));
	if (g.bracket_work > MD_WORK_LIMIT) {
		if (why && whylen)
			snprintf(why, whylen, "a paragraph holds %llu '![' and %llu ']'; put blank"
				 " lines between its parts, or write \\[ for a bracket that"
				 " is no link", (unsigned long long)g.worst_bang,
				 (unsigned long long)g.worst_close);
		return -1;
	}
	if (block_work > MD_WORK_LIMIT) {
		if (why && whylen)
			snprintf(why, whylen, "lists and quotes nest up to %llu deep over %llu"
				 " blank lines and '*' or '_'; nest them less deeply",
				 (unsigned long long)depth,
				 (unsigned long long)add_sat(g.blank, g.emph));
		return -1;
	}
	if (why && whylen)
		why[0] = '\0';
	return 0;
}
