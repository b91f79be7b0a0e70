/* md-shapes.h - the shapes of cmark's test/pathological_tests.py, made
 * at any size, for test_md_guard.c and make bench (tests/bench). */
#ifndef COPSE_MD_SHAPES_H
#define COPSE_MD_SHAPES_H

#include <string.h>

#include "copse/util.h"

/* s repeated until the buffer holds about size bytes. */
static inline void repeat(struct buf *b, const char *s, size_t size)
{
	size_t n = strlen(s);

	while (b->len + n <= size)
		buf_add(b, s, n);
}

static inline void times(struct buf *b, const char *s, size_t count)
{
	for (size_t i = 0; i < count; i++)
		buf_puts(b, s);
}

/* The shapes of cmark's test/pathological_tests.py, about size bytes
 * each; quadratic says whether libcmark 0.30.2 takes quadratic time on it
 * (measured: tests/bench). */
struct shape {
	const char *name;
	int quadratic;
};

static const struct shape shapes[] = {
	{ "nested strong emph", 0 },
	{ "many emph closers with no openers", 0 },
	{ "many emph openers with no closers", 0 },
	{ "many link closers with no openers", 0 },
	{ "many link openers with no closers", 0 },
	{ "mismatched openers and closers", 0 },
	{ "openers and closers multiple of 3", 0 },
	{ "link openers and emph closers", 0 },
	{ "pattern [ (]( repeated", 0 },
	{ "pattern ![[]() repeated", 1 },
	{ "nested brackets", 0 },
	{ "nested block quotes", 0 },
	{ "deeply nested lists", 0 },
	{ "backticks", 0 },
	{ "unclosed links A", 0 },
	{ "unclosed links B", 0 },
	{ "unclosed <!--", 0 },
	{ "empty lines in deeply nested lists", 1 },
	{ "empty lines in deeply nested lists in blockquote", 1 },
	{ "emph in deep blockquote", 1 },
	{ "nested inlines", 0 },
	{ "many references", 0 },
};

static inline void make_shape(const char *name, size_t size, struct buf *b)
{
	buf_reset(b);
	buf_add(b, "", 0);
	if (strcmp(name, "nested strong emph") == 0) {
		times(b, "*a **a ", size / 14);
		buf_puts(b, "b");
		times(b, " a** a*", size / 14);
	} else if (strcmp(name, "many emph closers with no openers") == 0) {
		repeat(b, "a_ ", size);
	} else if (strcmp(name, "many emph openers with no closers") == 0) {
		repeat(b, "_a ", size);
	} else if (strcmp(name, "many link closers with no openers") == 0) {
		repeat(b, "a]", size);
	} else if (strcmp(name, "many link openers with no closers") == 0) {
		repeat(b, "[a", size);
	} else if (strcmp(name, "mismatched openers and closers") == 0) {
		repeat(b, "*a_ ", size);
	} else if (strcmp(name, "openers and closers multiple of 3") == 0) {
		buf_puts(b, "a**b");
		repeat(b, "c* ", size);
	} else if (strcmp(name, "link openers and emph closers") == 0) {
		repeat(b, "[ a_", size);
	} else if (strcmp(name, "pattern [ (]( repeated") == 0) {
		repeat(b, "[ (](", size);
	} else if (strcmp(name, "pattern ![[]() repeated") == 0) {
		repeat(b, "![[]()", size);
	} else if (strcmp(name, "nested brackets") == 0) {
		times(b, "[", size / 2);
		buf_puts(b, "a");
		times(b, "]", size / 2);
	} else if (strcmp(name, "nested block quotes") == 0) {
		repeat(b, "> ", size);
		buf_puts(b, "a");
	} else if (strcmp(name, "deeply nested lists") == 0) {
		for (size_t x = 0; b->len < size; x++) {
			times(b, "  ", x);
			buf_puts(b, "* a\n");
		}
	} else if (strcmp(name, "backticks") == 0) {
		for (size_t x = 1; b->len < size; x++) {
			buf_puts(b, "e");
			times(b, "`", x);
		}
	} else if (strcmp(name, "unclosed links A") == 0) {
		repeat(b, "[a](<b", size);
	} else if (strcmp(name, "unclosed links B") == 0) {
		repeat(b, "[a](b", size);
	} else if (strcmp(name, "unclosed <!--") == 0) {
		buf_puts(b, "</");
		repeat(b, "<!--", size);
	} else if (strcmp(name, "empty lines in deeply nested lists") == 0) {
		times(b, "- ", size / 3);
		buf_puts(b, "x");
		times(b, "\n", size / 3);
	} else if (strcmp(name, "empty lines in deeply nested lists in blockquote") == 0) {
		buf_puts(b, "> ");
		times(b, "- ", size / 5);
		buf_puts(b, "x\n");
		times(b, ">\n", size / 5);
	} else if (strcmp(name, "emph in deep blockquote") == 0) {
		times(b, ">", size / 3);
		times(b, "a*", size / 3);
	} else if (strcmp(name, "nested inlines") == 0) {
		times(b, "*", size / 2);
		buf_puts(b, "a");
		times(b, "*", size / 2);
	} else if (strcmp(name, "many references") == 0) {
		for (int i = 0; b->len < size * 3 / 4; i++)
			buf_printf(b, "[%d]: u\n", i);
		repeat(b, "[0] ", size);
	}
}

#endif
