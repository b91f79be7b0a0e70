/* test_lineedit.c - the shell-like line editor: typing, moving by
 * character (a letter with its accent is one), deleting, the kill keys,
 * what may not go in, the length limit and the visible window. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "copse/lineedit.h"
#include "copse/text.h"

static void type(struct lineedit *le, const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += (size_t)text_decode(s + i, len - i, &cp);
		lineedit_insert(le, cp);
	}
}

/* The text with '|' where the cursor is. */
static const char *shown(const struct lineedit *le)
{
	static char out[512];

	snprintf(out, sizeof out, "%.*s|%s", (int)le->cur, lineedit_text(le),
		 lineedit_text(le) + le->cur);
	return out;
}

TEST(typing_appends_at_the_cursor)
{
	struct lineedit le;

	CHECK_INT(lineedit_init(&le, 0), 0);
	CHECK_STR(shown(&le), "|");
	CHECK(lineedit_empty(&le));
	type(&le, "d: meet every Thursday");
	CHECK_STR(lineedit_text(&le), "d: meet every Thursday");
	CHECK_STR(shown(&le), "d: meet every Thursday|");
	for (int i = 0; i < 8; i++)
		lineedit_do(&le, LE_LEFT);
	CHECK_STR(shown(&le), "d: meet every |Thursday");
	type(&le, "second ");
	CHECK_STR(shown(&le), "d: meet every second |Thursday");
	CHECK(!lineedit_empty(&le));
	lineedit_done(&le);
}

TEST(home_end_left_right)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	type(&le, "abc");
	CHECK_INT(lineedit_do(&le, LE_RIGHT), 0);        /* at the end already */
	CHECK_INT(lineedit_do(&le, LE_HOME), 1);
	CHECK_STR(shown(&le), "|abc");
	CHECK_INT(lineedit_do(&le, LE_LEFT), 0);         /* at the start already */
	CHECK_INT(lineedit_do(&le, LE_HOME), 0);
	lineedit_do(&le, LE_RIGHT);
	CHECK_STR(shown(&le), "a|bc");
	CHECK_INT(lineedit_do(&le, LE_END), 1);
	CHECK_STR(shown(&le), "abc|");
	lineedit_done(&le);
}

TEST(a_character_and_its_marks_move_and_go_together)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	/* Zoë with a combining diaeresis, then 山田 (two wide characters) */
	type(&le, "Zoe\xcc\x88 \xe5\xb1\xb1\xe7\x94\xb0");
	lineedit_do(&le, LE_HOME);
	lineedit_do(&le, LE_RIGHT);
	lineedit_do(&le, LE_RIGHT);
	lineedit_do(&le, LE_RIGHT);
	CHECK_STR(shown(&le), "Zoe\xcc\x88| \xe5\xb1\xb1\xe7\x94\xb0");
	CHECK_INT(lineedit_do(&le, LE_BACKSPACE), 1);
	CHECK_STR(shown(&le), "Zo| \xe5\xb1\xb1\xe7\x94\xb0");
	lineedit_do(&le, LE_END);
	lineedit_do(&le, LE_LEFT);
	CHECK_STR(shown(&le), "Zo \xe5\xb1\xb1|\xe7\x94\xb0");
	CHECK_INT(lineedit_do(&le, LE_DELETE), 1);
	CHECK_STR(shown(&le), "Zo \xe5\xb1\xb1|");
	CHECK_INT(lineedit_do(&le, LE_DELETE), 0);       /* nothing under the cursor */
	lineedit_done(&le);
}

TEST(kill_keys)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	type(&le, "a: @zoe book   the room");
	CHECK_INT(lineedit_do(&le, LE_KILL_WORD), 1);
	CHECK_STR(shown(&le), "a: @zoe book   the |");
	lineedit_do(&le, LE_KILL_WORD);
	CHECK_STR(shown(&le), "a: @zoe book   |");
	lineedit_do(&le, LE_KILL_WORD);      /* the blanks go with the word */
	CHECK_STR(shown(&le), "a: @zoe |");
	for (int i = 0; i < 5; i++)
		lineedit_do(&le, LE_LEFT);
	CHECK_STR(shown(&le), "a: |@zoe ");
	CHECK_INT(lineedit_do(&le, LE_KILL_END), 1);
	CHECK_STR(shown(&le), "a: |");
	CHECK_INT(lineedit_do(&le, LE_KILL_END), 0);
	type(&le, "@amara do it");
	lineedit_do(&le, LE_HOME);
	lineedit_do(&le, LE_RIGHT);
	lineedit_do(&le, LE_RIGHT);
	lineedit_do(&le, LE_RIGHT);
	CHECK_INT(lineedit_do(&le, LE_KILL_START), 1);
	CHECK_STR(shown(&le), "|@amara do it");
	CHECK_INT(lineedit_do(&le, LE_KILL_START), 0);
	CHECK_INT(lineedit_do(&le, LE_KILL_WORD), 0);
	lineedit_done(&le);
}

TEST(controls_and_bidi_controls_stay_out)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	CHECK_INT(lineedit_insert(&le, 0x1b), 0);          /* ESC */
	CHECK_INT(lineedit_insert(&le, '\n'), 0);
	CHECK_INT(lineedit_insert(&le, 0x7f), 0);          /* DEL */
	CHECK_INT(lineedit_insert(&le, 0x9b), 0);          /* C1 CSI */
	CHECK_INT(lineedit_insert(&le, 0x202e), 0);        /* right-to-left override */
	CHECK_INT(lineedit_insert(&le, 0xd800), 0);        /* a surrogate */
	CHECK_INT(lineedit_insert(&le, 0x110000), 0);
	CHECK_INT(lineedit_insert(&le, 0xe9), 1);          /* é */
	CHECK_STR(lineedit_text(&le), "\xc3\xa9");
	/* set: newlines and tabs become spaces, controls are dropped */
	CHECK_INT(lineedit_set(&le, "one\ntwo\tthree\x1b[2J"), 0);
	CHECK_STR(shown(&le), "one two three[2J|");
	lineedit_clear(&le);
	CHECK_STR(shown(&le), "|");
	lineedit_done(&le);
}

TEST(the_limit_is_kept_on_a_character_boundary)
{
	struct lineedit le;

	lineedit_init(&le, 5);
	type(&le, "abcd");
	CHECK_INT(lineedit_insert(&le, 0xe9), 0);          /* two bytes: 6 > 5 */
	CHECK_INT(lineedit_insert(&le, 'e'), 1);
	CHECK_INT(lineedit_insert(&le, 'f'), 0);
	CHECK_STR(lineedit_text(&le), "abcde");
	lineedit_set(&le, "\xc3\xa9\xc3\xa9\xc3\xa9");   /* 6 bytes */
	CHECK_STR(lineedit_text(&le), "\xc3\xa9\xc3\xa9");
	lineedit_done(&le);
}

TEST(the_window_follows_the_cursor_without_jumping)
{
	struct lineedit le;
	size_t start;
	int col;

	lineedit_init(&le, 0);
	type(&le, "0123456789");
	lineedit_view(&le, 20, &start, &col);
	CHECK_INT(start, 0);
	CHECK_INT(col, 10);
	/* in 8 columns the cursor (after the text) sits two thirds across */
	lineedit_view(&le, 8, &start, &col);
	CHECK_INT(col, 7 - 8 / 3);
	CHECK_INT(start, 10 - (size_t)col);
	/* moving left inside the window does not move it */
	lineedit_do(&le, LE_LEFT);
	lineedit_view(&le, 8, &start, &col);
	CHECK_INT(start, 10 - 5);
	CHECK_INT(col, 4);
	/* leaving it on the left brings the cursor a third in */
	lineedit_do(&le, LE_HOME);
	lineedit_do(&le, LE_RIGHT);
	lineedit_do(&le, LE_RIGHT);
	lineedit_do(&le, LE_RIGHT);
	lineedit_view(&le, 8, &start, &col);
	CHECK_INT(start, 1);
	CHECK_INT(col, 2);
	/* the cursor column is always inside the window, wide characters too */
	lineedit_set(&le, "\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1");
	for (int cols = 1; cols < 12; cols++) {
		lineedit_view(&le, cols, &start, &col);
		CHECK(col >= 0 && col <= (cols > 1 ? cols - 1 : 1));
	}
	/* a line that fits again is shown from its start */
	lineedit_set(&le, "short");
	lineedit_view(&le, 8, &start, &col);
	CHECK_INT(start, 0);
	CHECK_INT(col, 5);
	lineedit_done(&le);
}

int main(void)
{
	harness_init();
	RUN(typing_appends_at_the_cursor);
	RUN(home_end_left_right);
	RUN(a_character_and_its_marks_move_and_go_together);
	RUN(kill_keys);
	RUN(controls_and_bidi_controls_stay_out);
	RUN(the_limit_is_kept_on_a_character_boundary);
	RUN(the_window_follows_the_cursor_without_jumping);
	return harness_done();
}
