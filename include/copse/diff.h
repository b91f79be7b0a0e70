/* diff.h - a line diff of two texts, pure (no store, no screen): the
 * longest common subsequence of their lines, shown as unified hunks
 * (`copse entry diff`) or whole (the reader's history view). */
#ifndef COPSE_DIFF_H
#define COPSE_DIFF_H

#include <stddef.h>

#include "copse/util.h"

enum diff_op { DIFF_SAME = ' ', DIFF_DEL = '-', DIFF_ADD = '+' };

struct diff_line {
	int op;                /* enum diff_op */
	const char *s;         /* into a or b (borrowed), not NUL-terminated */
	size_t len;            /* without the '\n' */
	int a_no, b_no;        /* 1-based line numbers in a and b (0: none) */
};

/* The lines of a and b (NULL reads as "") as kept, deleted and added,
 * in order: *out, caller frees (the strings stay a's and b's).  Texts
 * too long for the table (more than DIFF_MAX_CELLS line pairs) are shown
 * as all of a deleted, then all of b added.  0, or -1 on ENOMEM. */
#define DIFF_MAX_CELLS 16000000
int diff_lines(const char *a, const char *b, struct diff_line **out, size_t *n);

/* Append a unified diff of a and b ("--- name_a", "+++ name_b", then
 * "@@ -l,n +l,n @@" hunks with context lines around each change) to
 * out; nothing when they are the same.  Returns the number of changed
 * lines, or -1 on ENOMEM. */
int diff_unified(const char *a, const char *b, const char *name_a, const char *name_b,
		 int context, struct buf *out);

#endif
