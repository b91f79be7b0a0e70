/* test_noteline.c - reading a line typed into the minutes: its kind,
 * an action's owner, and a trailing "due DATE" understood or refused,
 * never silently kept in the title. */
#include <stdlib.h>
#include <string.h>

#include "copse/noteline.h"
#include "copse/status.h"
#include "copse/util.h"
#include "harness.h"

/* Wednesday 2025-03-05, 12:00 UTC (TZ=UTC in the tests). */
static time_t wednesday(void)
{
	time_t t = 0;

	time_parse("2025-03-05T12:00:00Z", &t);
	return t;
}

/* Parse line; on success *due and *title get copies of what was read. */
static int parse(const char *line, char *kind, char *title, char *handle, char *due, char *err)
{
	struct noteline nl;
	int st = noteline_parse(line, wednesday(), &nl, err, 200);

	kind[0] = title[0] = handle[0] = due[0] = '\0';
	if (st == COPSE_OK) {
		strcpy(kind, nl.kind);
		strcpy(title, nl.text ? nl.text : "");
		strcpy(handle, nl.handle ? nl.handle : "");
		strcpy(due, nl.due);
	}
	noteline_done(&nl);
	return st;
}

TEST(kinds)
{
	char k[32], t[200], h[64], d[16], e[200];

	CHECK_INT(parse("d: we meet monthly", k, t, h, d, e), COPSE_OK);
	CHECK_STR(k, "decision");
	CHECK_STR(t, "we meet monthly");
	CHECK_INT(parse("? who brings tea", k, t, h, d, e), COPSE_OK);
	CHECK_STR(k, "question");
	CHECK_STR(t, "who brings tea");
	CHECK_INT(parse("Q: what about August", k, t, h, d, e), COPSE_OK);
	CHECK_STR(k, "question");
	CHECK_INT(parse("  the rent is due friday  ", k, t, h, d, e), COPSE_OK);
	CHECK_STR(k, "note");                    /* "due" only means something in a: */
	CHECK_STR(t, "the rent is due friday");
	CHECK_INT(parse("a: @zoe: book the room", k, t, h, d, e), COPSE_OK);
	CHECK_STR(k, "action");
	CHECK_STR(h, "zoe");
	CHECK_STR(t, "book the room");
	CHECK_STR(d, "");
}

TEST(due_dates_understood)
{
	static const struct { const char *line, *title, *due; } cases[] = {
		{ "a: @zoe book the room due 2025-03-15", "book the room", "2025-03-15" },
		{ "a: @zoe book the room due today", "book the room", "2025-03-05" },
		{ "a: @zoe book the room DUE Tomorrow", "book the room", "2025-03-06" },
		{ "a: @zoe book the room due friday", "book the room", "2025-03-07" },
		{ "a: @zoe book the room due fri", "book the room", "2025-03-07" },
		{ "a: @zoe book the room due monday", "book the room", "2025-03-10" },
		/* a weekday is the next such day, never today */
		{ "a: @zoe book the room due Wednesday", "book the room", "2025-03-12" },
		{ "a: @zoe book the room due tuesday.", "book the room", "2025-03-11" },
		{ "a: @zoe pay what is due due sunday", "pay what is due", "2025-03-09" },
		{ "a: @zoe ask the library by 2025-04-01", "ask the library", "2025-04-01" },
		/* "by" with words stays in the title, as before */
		{ "a: @zoe ask the library by Friday", "ask the library by Friday", "" },
	};
	char k[32], t[200], h[64], d[16], e[200];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		if (parse(cases[i].line, k, t, h, d, e) != COPSE_OK) {
			FAILF("%s: %s", cases[i].line, e);
			continue;
		}
		if (strcmp(t, cases[i].title) != 0 || strcmp(d, cases[i].due) != 0)
			FAILF("%s: title '%s' due '%s', expected '%s' '%s'", cases[i].line, t, d,
			      cases[i].title, cases[i].due);
	}
}

TEST(other_due_refused_with_a_message)
{
	static const struct { const char *line, *msg; } cases[] = {
		{ "a: @zoe book the room due next week",
		  "due 'next week': not a date (use YYYY-MM-DD, today, tomorrow or a weekday)" },
		{ "a: @zoe book the room due soon",
		  "due 'soon': not a date (use YYYY-MM-DD, today, tomorrow or a weekday)" },
		{ "a: @zoe book the room due",
		  "due: say when (YYYY-MM-DD, today, tomorrow or a weekday)" },
		{ "a: @zoe book the room due 2025-02-30",
		  "due date '2025-02-30': not a valid date (YYYY-MM-DD)" },
		{ "a: @zoe tidy up by 2025-13-01",
		  "due date '2025-13-01': not a valid date (YYYY-MM-DD)" },
		{ "a: @zoe due friday", "action line: say what, as in 'a: @zoe what to do'" },
		{ "a: do it", "action line: say who, as in 'a: @handle what to do'" },
		{ "a: @zoe", "action line: say what, as in 'a: @zoe what to do'" },
		{ "d:   ", "decision: must not be empty" },
		{ "", "note: must not be empty" },
	};
	char k[32], t[200], h[64], d[16], e[200];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		e[0] = '\0';
		if (parse(cases[i].line, k, t, h, d, e) != COPSE_INVALID)
			FAILF("%s: accepted (title '%s', due '%s')", cases[i].line, t, d);
		else if (strcmp(e, cases[i].msg) != 0)
			FAILF("%s: message '%s', expected '%s'", cases[i].line, e, cases[i].msg);
	}
}

TEST(action_body)
{
	struct noteline nl;
	char err[200], *body;

	CHECK_INT(noteline_parse("a: @zoe book the room due friday", wednesday(), &nl, err,
				 sizeof err), COPSE_OK);
	body = noteline_action_body(&nl);
	CHECK_STR(body, "@zoe: book the room (due 2025-03-07)");
	free(body);
	noteline_done(&nl);
	noteline_done(NULL);
}

/* One date alone (the command line's --due) reads as in a line. */
TEST(one_due_date_alone)
{
	char d[11], e[200];

	CHECK_INT(noteline_due("tomorrow", wednesday(), d, e, sizeof e), COPSE_OK);
	CHECK_STR(d, "2025-03-06");
	CHECK_INT(noteline_due("Wed", wednesday(), d, e, sizeof e), COPSE_OK);
	CHECK_STR(d, "2025-03-12");
	CHECK_INT(noteline_due("2025-04-01", wednesday(), d, e, sizeof e), COPSE_OK);
	CHECK_STR(d, "2025-04-01");
	CHECK_INT(noteline_due("next week", wednesday(), d, e, sizeof e), COPSE_INVALID);
	CHECK_STR(e, "due 'next week': not a date (use YYYY-MM-DD, today, tomorrow or a weekday)");
	CHECK_INT(noteline_due("2025-02-30", wednesday(), d, e, sizeof e), COPSE_INVALID);
	CHECK_STR(e, "due date '2025-02-30': not a valid date (YYYY-MM-DD)");
	CHECK_INT(noteline_due("", wednesday(), d, e, sizeof e), COPSE_INVALID);
}

int main(void)
{
	harness_init();
	setenv("TZ", "UTC", 1);
	RUN(kinds);
	RUN(due_dates_understood);
	RUN(other_due_refused_with_a_message);
	RUN(action_body);
	RUN(one_due_date_alone);
	return harness_done();
}
