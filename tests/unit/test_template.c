/* test_template.c - record templates: each record kind to "Name: value"
 * text and back, the parsing rules, errors that name their line and
 * change nothing, and hints for a new record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/status.h"
#include "copse/template.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "harness.h"

static char err[512];

static const char *BODY =
	"# Zoë's lesson\n\n"
	"Title: this line is body, not a header\n"
	"```sh\n#!/bin/sh\necho 山田\n```\n\n"
	"Heading\n=======\n\n- one\n- two";

TEST(entry_template_round_trip)
{
	struct entry e = { 0 }, back = { 0 };
	struct buf b;

	e.title = strdup("Listening before fixing — Zoë 山田");
	e.kind = strdup("story");
	e.status = strdup("draft");
	e.body = strdup(BODY);
	strv_init(&e.tags);
	strv_push(&e.tags, "listening");
	strv_push(&e.tags, "empathy 共感");
	buf_init(&b);
	CHECK_INT(template_format_entry(&e, 0, &b), COPSE_OK);
	CHECK(strncmp(b.s, "Title: Listening before fixing — Zoë 山田\n"
			   "Kind: story\n"
			   "Tags: listening, empathy 共感\n"
			   "Status: draft\n"
			   "\n"
			   "# Zoë's lesson\n", strlen("Title: Listening before fixing — Zoë 山田\n"
						       "Kind: story\n"
						       "Tags: listening, empathy 共感\n"
						       "Status: draft\n"
						       "\n"
						       "# Zoë's lesson\n")) == 0);
	strv_init(&back.tags);
	CHECK_INT(template_parse_entry(b.s, &back, err, sizeof err), COPSE_OK);
	CHECK_STR(back.title, e.title);
	CHECK_STR(back.kind, "story");
	CHECK_STR(back.status, "draft");
	CHECK_STR(back.body, BODY);
	CHECK_INT(back.tags.n, 2);
	if (back.tags.n == 2) {
		CHECK_STR(back.tags.v[0], "listening");
		CHECK_STR(back.tags.v[1], "empathy 共感");
	}
	buf_done(&b);
	entry_done(&e);
	entry_done(&back);
}

TEST(topic_and_note_template_round_trip)
{
	struct topic t = { 0 }, tb = { 0 };
	struct note n = { 0 }, nb = { 0 };
	struct buf b;

	t.title = strdup("How do we disagree well?");
	t.status = strdup("exploring");
	t.body = strdup("Raised by **Zoë** after meeting 4.\n");
	buf_init(&b);
	CHECK_INT(template_format_topic(&t, 0, &b), COPSE_OK);
	CHECK_STR(b.s, "Title: How do we disagree well?\nStatus: exploring\n\n"
		       "Raised by **Zoë** after meeting 4.\n");
	CHECK_INT(template_parse_topic(b.s, &tb, err, sizeof err), COPSE_OK);
	CHECK_STR(tb.title, t.title);
	CHECK_STR(tb.status, "exploring");
	CHECK_STR(tb.body, "Raised by **Zoë** after meeting 4.");
	buf_reset(&b);

	n.kind = strdup("decision");
	n.body = strdup("We meet on Tuesdays — 火曜日");
	CHECK_INT(template_format_note(&n, 0, &b), COPSE_OK);
	CHECK_STR(b.s, "Kind: decision\n\nWe meet on Tuesdays — 火曜日\n");
	CHECK_INT(template_parse_note(b.s, &nb, err, sizeof err), COPSE_OK);
	CHECK_STR(nb.kind, "decision");
	CHECK_STR(nb.body, n.body);
	buf_done(&b);
	topic_done(&t);
	topic_done(&tb);
	note_done(&n);
	note_done(&nb);
}

TEST(meeting_template_shows_local_time_and_stores_utc)
{
	struct meeting m = { 0 }, back = { 0 };
	struct buf b;
	char *oldtz = xstrdup(getenv("TZ"));

	setenv("TZ", "JST-9", 1);
	tzset();
	m.title = strdup("Circle #7: 非暴力");
	m.starts = strdup("2025-03-01T10:00:00Z");
	m.ends = strdup("2025-03-01T11:30:00Z");
	m.location = strdup("Room Ω");
	m.status = strdup("planned");
	m.agenda = strdup("1. Check-in\n2. Lessons");
	buf_init(&b);
	CHECK_INT(template_format_meeting(&m, 0, &b), COPSE_OK);
	CHECK_STR(b.s, "Title: Circle #7: 非暴力\n"
		       "Starts: 2025-03-01 19:00\n"
		       "Ends: 2025-03-01 20:30\n"
		       "Location: Room Ω\n"
		       "Status: planned\n"
		       "\n"
		       "1. Check-in\n2. Lessons\n");
	CHECK_INT(template_parse_meeting(b.s, &back, err, sizeof err), COPSE_OK);
	CHECK_STR(back.title, m.title);
	CHECK_STR(back.starts, "2025-03-01T10:00:00Z");
	CHECK_STR(back.ends, "2025-03-01T11:30:00Z");
	CHECK_STR(back.location, "Room Ω");
	CHECK_STR(back.agenda, m.agenda);

	/* clearing Ends makes it absent */
	CHECK_INT(template_parse_meeting("Ends:\n\nagenda", &back, err, sizeof err), COPSE_OK);
	CHECK(back.ends == NULL);
	CHECK_STR(back.starts, "2025-03-01T10:00:00Z");   /* absent header: unchanged */

	CHECK_INT(template_parse_meeting("Title: x\nStarts: next tuesday\n\n", &back, err, sizeof err),
		  COPSE_INVALID);
	CHECK_STR(err, "line 2: Starts 'next tuesday': not a date and time (YYYY-MM-DD HH:MM)");
	if (oldtz)
		setenv("TZ", oldtz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(oldtz);
	buf_done(&b);
	meeting_done(&m);
	meeting_done(&back);
}

TEST(member_template_round_trip)
{
	struct member m = { 0 }, back = { 0 };
	struct buf b;

	m.name = strdup("Zoë 山田");
	m.handle = strdup("zoe");
	m.email = strdup("zoe@example.org");
	m.status = strdup("active");
	m.role = strdup("core");
	m.joined = strdup("2024-09-01");
	m.bio = strdup("Mediator.\n\n*Development:* facilitation.");
	strv_init(&m.expertise);
	strv_init(&m.interest);
	strv_push(&m.expertise, "mediation");
	strv_push(&m.expertise, "NVC");
	strv_push(&m.interest, "restorative circles");
	buf_init(&b);
	CHECK_INT(template_format_member(&m, 0, &b), COPSE_OK);
	CHECK_STR(b.s, "Name: Zoë 山田\nHandle: zoe\nEmail: zoe@example.org\nStatus: active\n"
		       "Role: core\nJoined: 2024-09-01\nExpertise: mediation, NVC\n"
		       "Interest: restorative circles\n\nMediator.\n\n*Development:* facilitation.\n");
	strv_init(&back.expertise);
	strv_init(&back.interest);
	CHECK_INT(template_parse_member(b.s, &back, err, sizeof err), COPSE_OK);
	CHECK_STR(back.name, m.name);
	CHECK_STR(back.handle, "zoe");
	CHECK_STR(back.email, "zoe@example.org");
	CHECK_STR(back.status, "active");
	CHECK_STR(back.role, "core");
	CHECK_STR(back.joined, "2024-09-01");
	CHECK_STR(back.bio, m.bio);
	CHECK_INT(back.expertise.n, 2);
	CHECK_INT(back.interest.n, 1);
	if (back.expertise.n == 2)
		CHECK_STR(back.expertise.v[1], "NVC");

	/* empty optional values clear; empty Status keeps the old one */
	CHECK_INT(template_parse_member("Handle:\nEmail: \nJoined:\nExpertise:\nStatus:\n\n",
					&back, err, sizeof err), COPSE_OK);
	CHECK(back.handle == NULL);
	CHECK(back.email == NULL);
	CHECK(back.joined == NULL);
	CHECK_INT(back.expertise.n, 0);
	CHECK_STR(back.status, "active");
	CHECK_STR(back.bio, "");
	CHECK_INT(template_parse_member("Joined: 2024-02-30\n\n", &back, err, sizeof err),
		  COPSE_INVALID);
	CHECK_STR(err, "line 1: Joined '2024-02-30': not a date (YYYY-MM-DD)");
	buf_done(&b);
	member_done(&m);
	member_done(&back);
}

TEST(template_parse_rules)
{
	struct entry e = { 0 };

	strv_init(&e.tags);
	/* case-insensitive names, CRLF, #! comments, no blank line before body */
	CHECK_INT(template_parse_entry("tItLe:  Spaced out  \r\n"
				       "#! Kind: lesson|story\n"
				       "KIND: Tool\r\n"
				       "http://example.org is the body\n"
				       "Tags: not a header any more\n",
				       &e, err, sizeof err), COPSE_OK);
	CHECK_STR(e.title, "Spaced out");
	CHECK_STR(e.kind, "tool");
	CHECK_STR(e.body, "http://example.org is the body\nTags: not a header any more");
	CHECK_INT(e.tags.n, 0);

	/* only headers, no body at all */
	CHECK_INT(template_parse_entry("Title: Only", &e, err, sizeof err), COPSE_OK);
	CHECK_STR(e.title, "Only");
	CHECK_STR(e.body, "");
	CHECK_STR(e.kind, "tool");   /* absent: unchanged */
	entry_done(&e);
}

TEST(template_parse_errors_name_the_line_and_change_nothing)
{
	struct entry e = { 0 };

	strv_init(&e.tags);
	e.title = strdup("Keep me");
	e.kind = strdup("lesson");
	e.body = strdup("old body");

	CHECK_INT(template_parse_entry("Title: New\nKind: story\nTgas: a, b\n\nnew body",
				       &e, err, sizeof err), COPSE_INVALID);
	CHECK_STR(err, "line 3: unknown header 'Tgas' (expected Title, Kind, Tags, Status)");
	CHECK_STR(e.title, "Keep me");
	CHECK_STR(e.kind, "lesson");
	CHECK_STR(e.body, "old body");

	CHECK_INT(template_parse_entry("Title: New\n#! hint\nKind: lessen\n\nx", &e, err, sizeof err),
		  COPSE_INVALID);
	CHECK_STR(err, "line 3: Kind 'lessen': must be one of lesson|story|tool|method|case|faq");

	CHECK_INT(template_parse_entry("Title: A\ntitle: B\n\nx", &e, err, sizeof err), COPSE_INVALID);
	CHECK_STR(err, "line 2: Title given twice (also on line 1)");

	CHECK_INT(template_parse_entry("Title:   \nKind: story\n\nx", &e, err, sizeof err),
		  COPSE_INVALID);
	CHECK_STR(err, "line 1: Title must not be empty");

	CHECK_INT(template_parse_topic("Title: t\nStatus: closed\n", &(struct topic){ 0 }, err,
				       sizeof err), COPSE_INVALID);
	CHECK_STR(err, "line 2: Status 'closed': must be one of open|exploring|addressed|parked");
	CHECK_STR(e.title, "Keep me");
	CHECK_STR(e.body, "old body");
	entry_done(&e);
}

TEST(new_record_template_with_hints_parses)
{
	struct entry e = { 0 }, back = { 0 };
	struct buf b;

	strv_init(&e.tags);
	strv_init(&back.tags);
	buf_init(&b);
	CHECK_INT(template_format_entry(&e, 1, &b), COPSE_OK);
	CHECK(strstr(b.s, "Title: \nKind: \nTags: \nStatus: \n") == b.s);
	CHECK(strstr(b.s, "#! Kind: lesson|story|tool|method|case|faq\n") != NULL);
	CHECK(strstr(b.s, "#! Status: draft|published|retired\n") != NULL);
	/* the empty template is refused for its empty title ... */
	CHECK_INT(template_parse_entry(b.s, &back, err, sizeof err), COPSE_INVALID);
	CHECK_STR(err, "line 1: Title must not be empty");
	/* ... and accepted once filled in; the hints don't reach the record */
	{
		char *filled = malloc(b.len + 64);
		snprintf(filled, b.len + 64, "Title: Fresh%s", b.s + strlen("Title: "));
		strcat(filled, "Body text.\n");
		CHECK_INT(template_parse_entry(filled, &back, err, sizeof err), COPSE_OK);
		CHECK_STR(back.title, "Fresh");
		CHECK_STR(back.body, "Body text.");
		CHECK(back.kind == NULL);   /* empty Kind: the store's default */
		free(filled);
	}
	buf_done(&b);
	entry_done(&e);
	entry_done(&back);
}
int main(void)
{
	harness_init();
	RUN(entry_template_round_trip);
	RUN(topic_and_note_template_round_trip);
	RUN(meeting_template_shows_local_time_and_stores_utc);
	RUN(member_template_round_trip);
	RUN(template_parse_rules);
	RUN(template_parse_errors_name_the_line_and_change_nothing);
	RUN(new_record_template_with_hints_parses);
	return harness_done();
}
