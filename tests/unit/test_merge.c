/* test_merge.c - conflict merge text: both versions between markers,
 * and the markers left over found by line. */
#include <stdio.h>
#include <string.h>

#include "copse/merge.h"
#include "copse/status.h"
#include "copse/util.h"
#include "harness.h"

TEST(merge_text_shows_both_versions_between_markers)
{
	struct buf b;

	buf_init(&b);
	CHECK_INT(merge_text("Title: Listening\nKind: lesson\n\nFirst.\nMine here.\nLast.\n",
			     "Title: Listening well\nKind: lesson\n\nFirst.\nTheirs here.\nLast.\n",
			     3, "ana", &b), COPSE_OK);
	CHECK_STR(b.s, "<<<<<<< yours\n"
		       "Title: Listening\n"
		       "=======\n"
		       "Title: Listening well\n"
		       ">>>>>>> theirs (version 3 by ana)\n"
		       "Kind: lesson\n"
		       "\n"
		       "First.\n"
		       "<<<<<<< yours\n"
		       "Mine here.\n"
		       "=======\n"
		       "Theirs here.\n"
		       ">>>>>>> theirs (version 3 by ana)\n"
		       "Last.\n");
	CHECK_INT(merge_markers(b.s), 1);
	buf_reset(&b);

	/* a line only one side has, no login */
	CHECK_INT(merge_text("a\nb\n", "a\nnew\nb", 2, NULL, &b), COPSE_OK);
	CHECK_STR(b.s, "a\n<<<<<<< yours\n=======\nnew\n>>>>>>> theirs (version 2)\nb\n");
	buf_reset(&b);

	/* identical texts: nothing to choose */
	CHECK_INT(merge_text("same\ntext", "same\ntext\n", 2, "ana", &b), COPSE_OK);
	CHECK_STR(b.s, "same\ntext\n");
	CHECK_INT(merge_markers(b.s), 0);
	buf_reset(&b);

	/* whole different texts, beyond the LCS table limit: one block */
	{
		struct buf y, t;
		buf_init(&y);
		buf_init(&t);
		for (int i = 0; i < 2500; i++) {
			buf_printf(&y, "y%d\n", i);
			buf_printf(&t, "t%d\n", i);
		}
		CHECK_INT(merge_text(y.s, t.s, 9, "bo", &b), COPSE_OK);
		CHECK(strncmp(b.s, "<<<<<<< yours\ny0\n", 17) == 0);
		CHECK(strstr(b.s, "y2499\n=======\nt0\n") != NULL);
		{
			const char *tail = "t2499\n>>>>>>> theirs (version 9 by bo)\n";
			CHECK(b.len >= strlen(tail) && strcmp(b.s + b.len - strlen(tail), tail) == 0);
		}
		buf_done(&y);
		buf_done(&t);
	}
	buf_done(&b);
}

TEST(markers_left_are_found_by_line)
{
	CHECK_INT(merge_markers("resolved text\n"), 0);
	CHECK_INT(merge_markers("Heading\n=======\n\ntext"), 0);   /* Setext heading */
	CHECK_INT(merge_markers("a\nb\n<<<<<<< yours\nc\n"), 3);
	CHECK_INT(merge_markers("a\n>>>>>>> theirs (version 2)\n"), 2);
	CHECK_INT(merge_markers("a\n>>>>>>>\n"), 2);
	CHECK_INT(merge_markers("a <<<<<<< b\n<<<<<<<<<< x\n"), 0);
	CHECK_INT(merge_markers(NULL), 0);
}
int main(void)
{
	harness_init();
	RUN(merge_text_shows_both_versions_between_markers);
	RUN(markers_left_are_found_by_line);
	return harness_done();
}
