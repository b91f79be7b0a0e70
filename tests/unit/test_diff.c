/* test_diff.c - the line diff of two texts: what is kept, deleted and
 * added, and the unified hunks `entry diff` prints. */
#include <stdlib.h>
#include <string.h>

#include "copse/diff.h"
#include "harness.h"

/* The diff as "op text" lines joined with '|', for comparing. */
static char *ops(const char *a, const char *b)
{
	struct diff_line *v;
	struct buf out;
	size_t n;

	buf_init(&out);
	buf_puts(&out, "");
	if (diff_lines(a, b, &v, &n) != 0)
		return NULL;
	for (size_t i = 0; i < n; i++)
		buf_printf(&out, "%s%c%.*s", i ? "|" : "", v[i].op, (int)v[i].len, v[i].s);
	free(v);
	return buf_steal(&out);
}

TEST(lines_kept_deleted_added)
{
	char *s;

	s = ops("a\nb\nc\n", "a\nc\nd\n");
	CHECK_STR(s, " a|-b| c|+d");
	free(s);
	s = ops("", "x\ny");
	CHECK_STR(s, "+x|+y");
	free(s);
	s = ops("x\ny", NULL);
	CHECK_STR(s, "-x|-y");
	free(s);
	s = ops("same\n", "same\n");
	CHECK_STR(s, " same");
	free(s);
	/* a moved line is one deletion and one addition, the rest kept */
	s = ops("1\n2\n3\n4\n", "2\n3\n4\n1\n");
	CHECK_STR(s, "-1| 2| 3| 4|+1");
	free(s);
	/* an empty line is a line */
	s = ops("a\n\nb\n", "a\nb\n");
	CHECK_STR(s, " a|-| b");
	free(s);
}

TEST(unified_hunks_with_context)
{
	struct buf b;
	int n;

	buf_init(&b);
	n = diff_unified("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\n5\n6\n7\nEIGHT\n9\n10\n",
			 "old", "new", 2, &b);
	CHECK_INT(n, 2);
	CHECK_STR(b.s, "--- old\n+++ new\n@@ -6,5 +6,5 @@\n 6\n 7\n-8\n+EIGHT\n 9\n 10\n");
	buf_reset(&b);
	/* two changes far apart: two hunks */
	n = diff_unified("a\n1\n2\n3\n4\n5\n6\nb\n", "A\n1\n2\n3\n4\n5\n6\nB\n", "x", "y", 1, &b);
	CHECK_INT(n, 4);
	CHECK_STR(b.s, "--- x\n+++ y\n@@ -1,2 +1,2 @@\n-a\n+A\n 1\n@@ -7,2 +7,2 @@\n 6\n-b\n+B\n");
	buf_reset(&b);
	/* an addition to an empty text starts after line 0 */
	n = diff_unified("", "new\n", "x", "y", 3, &b);
	CHECK_INT(n, 1);
	CHECK_STR(b.s, "--- x\n+++ y\n@@ -0,0 +1,1 @@\n+new\n");
	buf_reset(&b);
	CHECK_INT(diff_unified("same\n", "same\n", "x", "y", 3, &b), 0);
	CHECK(b.len == 0);
	buf_done(&b);
}

int main(void)
{
	harness_init();
	RUN(lines_kept_deleted_added);
	RUN(unified_hunks_with_context);
	return harness_done();
}
