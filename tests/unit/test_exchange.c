/* test_exchange.c - JSON export and import: a round trip gives the same
 * document back byte for byte; a bad document changes nothing. */
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/assessment.h"
#include "copse/exchange.h"
#include "copse/health.h"
#include "copse/meeting.h"
#include "copse/search.h"
#include "copse/member.h"
#include "copse/suggest.h"
#include "copse/topic.h"
#include "copse/trash.h"
#include "fixture.h"
#include "harness.h"
#include "store.h"

#define NOW "2025-03-01T09:00:00Z"

#define OKAY(call) do { \
	int rc_ = (call); \
	if (rc_ != COPSE_OK) FAILF("%s: %s", #call, db_error(db)); \
} while (0)

static void exec(struct db *db, const char *sql)
{
	if (db_exec(db, sql) != COPSE_OK)
		FAILF("%s: %s", sql, db_error(db));
}

static int64_t add_member(struct db *db, const char *name, const char *handle,
			  const char *status, const char *expertise, const char *interest,
			  const char *bio)
{
	struct member m;
	int64_t id;

	member_init(&m);
	m.name = xstrdup(name);
	m.handle = xstrdup(handle);
	m.status = xstrdup(status);
	m.role = xstrdup("member");
	m.bio = xstrdup(bio);
	if (expertise)
		strv_split(&m.expertise, expertise, ',');
	if (interest)
		strv_split(&m.interest, interest, ',');
	OKAY(member_add(db, &m));
	id = m.id;
	member_done(&m);
	return id;
}

/* A community with at least one row of every kind that is exported,
 * Unicode and SQL metacharacters included. */
static void build_community(struct db *db)
{
	struct meeting m1 = { 0 }, m2 = { 0 };
	struct note n1 = { 0 };
	struct action a = { 0 };
	struct entry e;
	struct topic t = { 0 };
	int64_t zoe, bob, al, e1, e2, note2 = 0, act2 = 0;

	OKAY(db_meta_set(db, "name", "Daily \"Nonviolent\" Living ☮"));
	zoe = add_member(db, "Zoë 山田", "zoe", "active", "mediation,listening",
			 "gardening", "Bio with 'quotes'; DROP TABLE member; --\n\ttab \\ back");
	bob = add_member(db, "Bob O'Brien", "bob", "prospect", NULL, NULL,
			 "\x1b[31mred\x1b[0m \x01 \u2028 \\u0041");
	al = add_member(db, "Al \"Alumnus\"", NULL, "alumni", NULL, "history", "");
	OKAY(member_link(db, zoe, bob, "mentors", "met at the café", NULL));

	m1.title = xstrdup("Circle #1 — 始まり");
	m1.starts = xstrdup("2025-02-01T18:00:00Z");
	m1.ends = xstrdup("2025-02-01T20:00:00Z");
	m1.location = xstrdup("Room 'B'");
	m1.agenda = xstrdup("# Agenda\n\n- one\n- two\n");
	m1.status = xstrdup("held");
	OKAY(meeting_add(db, &m1));
	m2.title = xstrdup("Circle #2");
	m2.starts = xstrdup("2025-04-01T18:00:00Z");
	OKAY(meeting_add(db, &m2));
	free(m2.agenda);
	m2.agenda = xstrdup("- tea\n");        /* a second agenda revision */
	OKAY(meeting_update(db, &m2));
	OKAY(attend_set(db, m1.id, zoe, "attended"));
	OKAY(attend_set(db, m1.id, bob, "absent"));
	OKAY(attend_set(db, m2.id, zoe, "invited"));
	n1.meeting_id = m1.id;
	n1.kind = xstrdup("decision");
	n1.body = xstrdup("We meet monthly; \"no\" phones 📵.");
	OKAY(note_add(db, &n1));
	OKAY(note_add_line(db, m1.id, "a: @zoe write the welcome letter due 2025-02-15",
			   &note2, &act2));
	a.title = xstrdup("Book a room");
	a.owner_id = bob;
	a.meeting_id = m1.id;
	OKAY(action_add(db, &a));
	OKAY(action_set_done(db, a.id, 1));

	entry_init(&e);
	e.title = xstrdup("Listening first");
	e.kind = xstrdup("lesson");
	e.body = xstrdup("Say back what you heard. See [[Pause]].\n\n```\ncode 'x'\n```\n");
	strv_split(&e.tags, "listening,empathy", ',');
	e.source_meeting_id = m1.id;
	e.source_note_id = n1.id;
	OKAY(entry_add(db, &e));
	e1 = e.id;
	free(e.body);
	e.body = xstrdup("Say back what you heard — in your own words. See [[pause]].");
	OKAY(entry_update(db, &e));
	entry_done(&e);
	entry_init(&e);
	e.title = xstrdup("Pause");
	e.kind = xstrdup("tool");
	e.status = xstrdup("draft");
	e.body = xstrdup("Count to ten. Back to [[Listening first]].");
	OKAY(entry_add(db, &e));
	e2 = e.id;
	entry_done(&e);
	OKAY(entry_use_add(db, e1, "it worked at dinner", NULL));
	OKAY(entry_mark_read(db, e2));
	{
		int64_t harvested, from[] = { n1.id };

		OKAY(entry_harvest(db, m1.id, from, 1, "From the first circle", &harvested));
		OKAY(entry_get(db, harvested, &e));
		free(e.status);
		e.status = xstrdup("retired");
		OKAY(entry_update(db, &e));
		entry_done(&e);
	}

	t.title = xstrdup("Conflict at work");
	t.body = xstrdup("How do we *stay* kind?");
	OKAY(topic_add(db, &t));
	OKAY(topic_vote(db, t.id));
	db_set_login(db, "bob");
	OKAY(topic_vote(db, t.id));
	db_set_login(db, "ann");
	OKAY(topic_link_meeting(db, t.id, m1.id));
	OKAY(topic_link_entry(db, t.id, e2));

	/* The trash: the newest meeting, deleted with its note (so its id,
	 * the highest, must not be given out again after an import). */
	{
		struct meeting m3 = { 0 };

		m3.title = xstrdup("Cancelled circle");
		m3.starts = xstrdup("2025-05-01T18:00:00Z");
		OKAY(meeting_add(db, &m3));
		OKAY(note_add_line(db, m3.id, "? who comes", NULL, NULL));
		OKAY(meeting_delete(db, m3.id));
		meeting_done(&m3);
	}

	/* Rows no store verb of this step writes yet. */
	exec(db, "INSERT INTO devnote(member_id, author, body, created) VALUES"
	     " (1, 'ann', 'Ready to co-facilitate in spring.', '2025-02-02T10:00:00Z')");
	exec(db, "INSERT INTO participation(member_id, day, level, reason) VALUES"
	     " (1, '2025-02-28', 'core', 'attended 5 of 6'),"
	     " (3, '2025-02-28', 'inactive', 'last attended 400 days ago')");
	exec(db, "INSERT INTO assessment(day, domain, community, practice, stories, summary,"
	     " author, metrics, created) VALUES ('2025-02-28', 4, 3, 5, 'We *grew*.',"
	     " 'Good year', 'ann', '{\"members\":3,\"mix\":{\"core\":0.25},\"names\":[\"Zoë\"]}',"
	     " '2025-02-28T12:00:00Z')");
	exec(db, "INSERT INTO value_story(assessment_id, cycle, body) VALUES"
	     " (1, 'applied', 'Zoë used [[Pause]] at work.')");
	/* What the health issue stores: a development note, a dismissed
	 * suggestion, the participation window, an assessment with its
	 * stories, metrics and every member's level. */
	OKAY(member_note_add(db, zoe, "Ready to *lead* a circle.", NULL));
	OKAY(suggest_dismiss(db, bob, zoe));
	OKAY(health_set_window(db, 90));
	{
		struct assessment as;

		assessment_init(&as);
		as.domain = 3;
		as.community = 4;
		as.practice = 2;
		as.summary = xstrdup("Growing \"slowly\"");
		as.stories = xstrdup("We *tried* things.\n");
		CHECK(assessment_add_story(&as, "reframing", "Zoë sees conflict anew.") == 0);
		OKAY(assessment_add(db, &as));
		assessment_done(&as);
	}
	/* Presence and visits are not community data: they are not exported. */
	exec(db, "INSERT INTO visit(login, last) VALUES ('ann', '2025-02-28T12:00:00Z')");
	(void)al;
	(void)e2;
	meeting_done(&m1);
	meeting_done(&m2);
	note_done(&n1);
	action_done(&a);
	topic_done(&t);
}

static char *export_doc(struct db *db)
{
	struct buf b;

	buf_init(&b);
	OKAY(exchange_export_json(db, &b));
	return buf_steal(&b);
}

/* Every table that must travel in the export has rows in build_community. */
TEST(test_community_has_every_kind_of_row)
{
	static const char *const tables[] = {
		"member", "member_tag", "member_status_log", "devnote", "participation",
		"connection", "meeting", "attendance", "note", "action", "entry", "entry_tag",
		"revision", "entry_link", "entry_use", "entry_read", "topic", "topic_vote",
		"topic_meeting", "topic_entry", "assessment", "value_story", "activity",
		"meeting_revision", "trash", "entry_source",
		"suggestion_dismissed",
	};
	struct db *db = fixture_db("ann");

	build_community(db);
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		char sql[128];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		if (count(db, sql) < 1)
			FAILF("table %s has no rows", tables[i]);
	}
	db_close(db);
}

TEST(export_is_valid_json_with_every_section)
{
	static const char *const keys[] = {
		"$.meta.name", "$.members[0].expertise[0]", "$.status_changes[0]",
		"$.devnotes[0]", "$.participation[1]", "$.connections[0]", "$.meetings[1]",
		"$.attendance[2]", "$.notes[1]", "$.actions[1]", "$.entries[1].tags",
		"$.revisions[2]", "$.entry_uses[0]", "$.entry_reads[0]", "$.topics[0]",
		"$.votes[1]", "$.topic_meetings[0]", "$.topic_entries[0]",
		"$.assessments[0].metrics.mix.core", "$.value_stories[0]", "$.activity[0]",
		"$.meeting_revisions[2]", "$.trash[0].data.rows.note[0]", "$.sequences.meeting",
		"$.actions[0].version", "$.entry_sources[0].author",
		"$.dismissed_suggestions[0].by",
		"$.meta.participation_window", "$.assessments[1].metrics.core",
		"$.value_stories[1].cycle",
	};
	struct db *db = fixture_db("ann");
	sqlite3_stmt *st;
	char *doc;

	build_community(db);
	doc = export_doc(db);
	CHECK(strncmp(doc, "{\n  \"format\": \"copse\",\n  \"version\": 3,\n"
		      "  \"exported\": \"" NOW "\",\n", 70) == 0);
	CHECK(db_prepare(db, "SELECT json_valid(?)", &st) == COPSE_OK);
	store_bind_text(st, 1, doc);
	CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1);
	sqlite3_finalize(st);
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		CHECK(db_prepare(db, "SELECT json_type(?, ?)", &st) == COPSE_OK);
		store_bind_text(st, 1, doc);
		store_bind_text(st, 2, keys[i]);
		if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL)
			FAILF("export has no %s", keys[i]);
		sqlite3_finalize(st);
	}
	/* Exact shape of a member and of a row with optional fields. */
	CHECK(strstr(doc, "{\"id\":1,\"name\":\"Zoë 山田\",\"handle\":\"zoe\",") != NULL);
	CHECK(strstr(doc, "\"expertise\":[\"listening\",\"mediation\"],\"interest\":[\"gardening\"]}")
	      != NULL);
	CHECK(strstr(doc, "{\"id\":3,\"name\":\"Al \\\"Alumnus\\\"\",\"handle\":null,") != NULL);
	CHECK(strstr(doc, "\"metrics\":{\"members\":3,") != NULL);
	/* Visits and presence stay private. */
	CHECK(strstr(doc, "visit") == NULL);
	free(doc);
	db_close(db);
}

TEST(export_import_export_is_byte_identical)
{
	struct db *db = fixture_db("ann"), *db2 = fixture_db("ann");
	struct search_opts entries = { .kinds = 1u << SEARCH_ENTRY },
		notes = { .kinds = 1u << SEARCH_NOTE }, members = { .kinds = 1u << SEARCH_MEMBER };
	struct search_hit *h;
	struct entry *v;
	struct member mb;
	size_t n;
	char *doc1, *doc2;

	build_community(db);
	doc1 = export_doc(db);
	setenv("COPSE_NOW", "2030-01-01T00:00:00Z", 1);   /* import must not stamp times */
	CHECK_INT(exchange_import_json(db2, doc1, strlen(doc1)), COPSE_OK);
	if (h_cur_failed)
		printf("# %s\n", db_error(db2));
	setenv("COPSE_NOW", NOW, 1);
	doc2 = export_doc(db2);
	CHECK_STR(doc2, doc1);
	if (strcmp(doc1, doc2) != 0) {
		size_t i = 0;

		while (doc1[i] && doc1[i] == doc2[i])
			i++;
		printf("# first difference at byte %zu: ...%.80s\n", i, doc2 + (i > 40 ? i - 40 : 0));
	}
	/* The data is really there, and the derived indexes were rebuilt. */
	CHECK_INT(member_find(db2, "zoe", &mb), COPSE_OK);
	CHECK_STR(mb.name, "Zoë 山田");
	CHECK_STR(mb.bio, "Bio with 'quotes'; DROP TABLE member; --\n\ttab \\ back");
	member_done(&mb);
	CHECK_INT(search_run(db2, "\"own words\"", &entries, &h, &n), COPSE_OK);
	CHECK_INT(n, 1);
	search_hit_list_free(h, n);
	CHECK_INT(search_run(db2, "empathy", &entries, &h, &n), COPSE_OK);   /* tags */
	CHECK_INT(n, 1);
	search_hit_list_free(h, n);
	/* the note, and the (retired) entry harvested from it */
	CHECK_INT(search_run(db2, "phones", &notes, &h, &n), COPSE_OK);
	CHECK_INT(n, 1);
	search_hit_list_free(h, n);
	CHECK_INT(search_run(db2, "phones", &entries, &h, &n), COPSE_OK);
	CHECK_INT(n, 1);
	search_hit_list_free(h, n);
	CHECK_INT(search_run(db2, "zoe", &members, &h, &n), COPSE_OK);       /* members */
	CHECK_INT(n, 1);
	search_hit_list_free(h, n);
	CHECK_INT(entry_backlinks(db2, "PAUSE", &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	entry_list_free(v, n);
	CHECK_INT(count(db2, "SELECT count(*) FROM visit"), 0);
	free(doc1);
	free(doc2);
	db_close(db);
	db_close(db2);
}

/* Everything an import can leave behind. */
static int64_t rows(struct db *db)
{
	return count(db, "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM meeting)"
		     " + (SELECT count(*) FROM entry) + (SELECT count(*) FROM topic)"
		     " + (SELECT count(*) FROM member_tag) + (SELECT count(*) FROM activity)"
		     " + (SELECT count(*) FROM meta WHERE key <> 'created')"
		     " + (SELECT count(*) FROM entry_fts) + (SELECT count(*) FROM note)");
}

TEST(truncated_document_changes_nothing)
{
	struct db *db = fixture_db("ann"), *db2 = fixture_db("ann");
	char *doc;
	size_t len;

	build_community(db);
	doc = export_doc(db);
	len = strlen(doc);
	/* (the last cut would only lose the final newline) */
	for (size_t cut = 1; cut + 1 < len; cut += len / 7) {
		CHECK_INT(exchange_import_json(db2, doc, cut), COPSE_INVALID);
		CHECK_STR(db_error(db2), "import: not valid JSON");
		CHECK_INT(rows(db2), 0);
	}
	CHECK_INT(exchange_import_json(db2, "", 0), COPSE_INVALID);
	CHECK_INT(rows(db2), 0);
	CHECK(db_is_empty(db2));
	free(doc);
	db_close(db);
	db_close(db2);
}

/* Edit doc with a JSON function (json_set / json_remove) and import the
 * result into a fresh database; returns the status, *msg the message. */
static int import_edited(struct db *src, const char *doc, const char *sql_fn,
			 const char *path, const char *value, char *msg, size_t msglen,
			 int64_t *left)
{
	struct db *db = fixture_db("ann");
	sqlite3_stmt *st;
	char sql[128];
	char *edited = NULL;
	int status;

	snprintf(sql, sizeof sql, value ? "SELECT %s(?1, ?2, json(?3))" : "SELECT %s(?1, ?2)",
		 sql_fn);
	if (db_prepare(src, sql, &st) == COPSE_OK) {
		store_bind_text(st, 1, doc);
		store_bind_text(st, 2, path);
		if (value)
			store_bind_text(st, 3, value);
		if (sqlite3_step(st) == SQLITE_ROW)
			edited = store_col_strn(st, 0);
		sqlite3_finalize(st);
	}
	if (!edited) {
		FAILF("could not edit the document at %s", path);
		db_close(db);
		return -1;
	}
	status = exchange_import_json(db, edited, strlen(edited));
	snprintf(msg, msglen, "%s", db_error(db));
	*left = rows(db);
	free(edited);
	db_close(db);
	return status;
}

TEST(bad_items_are_named_and_roll_back_everything)
{
	static const struct {
		const char *fn, *path, *value, *msg;
	} cases[] = {
		{ "json_set", "$.members[0].status", "\"act\\nive\"",
		  "import: members[0]: status 'act ive' is not valid" },
		{ "json_set", "$.members[1].status", "\"x\"",
		  "import: members[1]: status 'x' is not valid "
		  "(must be one of prospect|invited|active|alumni)" },
		{ "json_remove", "$.members[0].name", NULL, "import: members[0]: name is missing" },
		{ "json_set", "$.meetings[0].id", "\"one\"",
		  "import: meetings[0]: id must be a positive integer" },
		/* ids are positive, numbers fit in 64 bits */
		{ "json_set", "$.members[0].id", "0",
		  "import: members[0]: id must be a positive integer" },
		{ "json_set", "$.notes[0].id", "-3", "import: notes[0]: id must be a positive integer" },
		{ "json_set", "$.actions[0].owner_id", "-1",
		  "import: actions[0]: owner_id must be a positive integer or null" },
		{ "json_set", "$.entries[0].id", "99999999999999999999",
		  "import: entries[0]: id is too large a number (at most 9223372036854775807)" },
		{ "json_set", "$.members[0].version", "1e400",
		  "import: members[0]: version must be an integer" },
		/* times and dates as copse writes them, nothing else */
		{ "json_set", "$.notes[0].created", "\"\\u001b]0;owned\\u0007\"",
		  "import: notes[0]: created must be a time (\"YYYY-MM-DDTHH:MM:SSZ\")" },
		{ "json_set", "$.meetings[0].starts", "\"2025-02-30T18:00:00Z\"",
		  "import: meetings[0]: starts must be a time" },
		{ "json_set", "$.meetings[0].starts", "\"2025-02-01 18:00\"",
		  "import: meetings[0]: starts must be a time" },
		{ "json_set", "$.members[0].joined", "\"yesterday\"",
		  "import: members[0]: joined must be a date (\"YYYY-MM-DD\") or null" },
		{ "json_set", "$.actions[0].due", "\"2025-13-01\"",
		  "import: actions[0]: due must be a date" },
		/* tags as the command line would store them */
		{ "json_set", "$.entries[0].tags", "[\"a,b\"]",
		  "import: entries[0]: tags: tag 'a,b' must not contain a comma" },
		{ "json_set", "$.entries[0].tags", "[\"  \"]",
		  "import: entries[0]: tags: tag '  ' must not be empty" },
		{ "json_set", "$.members[0].expertise", "[\" pad\"]",
		  "import: members[0]: expertise: tag ' pad' must not begin or end with a space" },
		{ "json_set", "$.members[0].interest", "[\"#x\"]",
		  "import: members[0]: interest: tag '#x' must not begin with '#'" },
		{ "json_set", "$.entries[0].tags", "[\"Care\", \"care\"]",
		  "import: entries[0]: tags: tag 'care' is there twice" },
		/* a NUL would cut the text short */
		{ "json_set", "$.notes[0].body", "\"before\\u0000after\"",
		  "import: notes[0]: a string holds a NUL character (\\u0000); copse keeps text only" },
		{ "json_set", "$.meta.name", "\"a\\u0000b\"",
		  "import: meta: a string holds a NUL character" },
		/* a lone surrogate is no character: it would come back changed */
		{ "json_set", "$.topics[0].title", "\"x\\ud800y\"",
		  "import: topics[0]: title holds a lone surrogate" },
		{ "json_set", "$.meta.name", "\"\\udfff\"",
		  "import: meta: a string holds a lone surrogate" },
		{ "json_set", "$.notes[0].meeting_id", "999",
		  "import: notes[0]: refers to a row that is not in the file" },
		{ "json_set", "$.entries[0].tags", "[1, 2]",
		  "import: entries[0]: tags must be an array of strings" },
		{ "json_set", "$.assessments[0].domain", "9",
		  "import: assessments[0]: CHECK constraint failed: domain BETWEEN 1 AND 5" },
		/* the very last item: everything before it must be undone too */
		{ "json_set", "$.activity[#-1].verb", "null",
		  "import: activity[" /* index depends on the log */ },
		{ "json_set", "$.topics", "{}", "import: topics: must be an array" },
		{ "json_set", "$.votes[0]", "[]", "import: votes[0]: must be an object" },
		{ "json_set", "$.members[1].handle", "\"zoe\"",
		  "import: members[1]: UNIQUE constraint failed: member.handle" },
		{ "json_set", "$.format", "\"other\"",
		  "import: not a copse export (no \"format\": \"copse\")" },
		{ "json_set", "$.version", "4",
		  "import: format version 4 is newer than this copse reads (3); upgrade copse" },
		{ "json_set", "$.trash[0].kind", "\"planet\"",
		  "import: trash[0]: kind 'planet' is not valid (must be one of"
		  " member|meeting|note|action|entry|topic)" },
		{ "json_set", "$.trash[0].data", "\"[]\"", "import: trash[0]: data must be an object" },
		{ "json_set", "$.sequences.meeting", "-1",
		  "import: sequences: must be an object of non-negative integers" },
		{ "json_set", "$.sequences.planet", "3",
		  "import: sequences: must be an object of non-negative integers" },
	};
	struct db *db = fixture_db("ann");
	char msg[512];
	char *doc;
	int64_t left = 0;

	build_community(db);
	doc = export_doc(db);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int rc = import_edited(db, doc, cases[i].fn, cases[i].path, cases[i].value,
				       msg, sizeof msg, &left);

		if (rc != COPSE_INVALID)
			FAILF("%s: status %d, expected INVALID", cases[i].path, rc);
		if (strncmp(msg, cases[i].msg, strlen(cases[i].msg)) != 0)
			FAILF("%s: message \"%s\", expected \"%s\"", cases[i].path, msg,
			      cases[i].msg);
		if (left != 0)
			FAILF("%s: %lld rows left behind", cases[i].path, (long long)left);
	}
	free(doc);
	db_close(db);
}

/* After an import, a deleted row's id (the highest of its table) is
 * still not given out again, and its trash can be restored. */
TEST(import_keeps_ids_unused_and_the_trash_restorable)
{
	struct db *db = fixture_db("ann"), *db2 = fixture_db("ann");
	struct meeting m = { 0 };
	char *doc;

	build_community(db);
	doc = export_doc(db);
	CHECK_INT(exchange_import_json(db2, doc, strlen(doc)), COPSE_OK);
	m.title = xstrdup("New");
	m.starts = xstrdup("2025-06-01T18:00:00Z");
	CHECK_INT(meeting_add(db2, &m), COPSE_OK);
	CHECK_INT(m.id, 4);                   /* 3 is in the trash */
	CHECK_INT(trash_restore(db2, "meeting", 3), COPSE_OK);
	CHECK_INT(count(db2, "SELECT count(*) FROM note WHERE meeting_id = 3"), 1);
	meeting_done(&m);
	free(doc);
	db_close(db);
	db_close(db2);
}

/* A document of format 1 (before the trash): actions without a
 * version, no agenda revisions, no sequences.  It still imports. */
TEST(format_1_document_imports)
{
	struct db *db = fixture_db("ann"), *db2 = fixture_db("ann");
	sqlite3_stmt *st;
	char *doc, *old = NULL;

	build_community(db);
	doc = export_doc(db);
	if (db_prepare(db, "SELECT json_remove(json_set(?1, '$.version', 1), '$.sequences',"
		       " '$.meeting_revisions', '$.trash', '$.actions[0].version',"
		       " '$.actions[1].version')", &st) == COPSE_OK) {
		store_bind_text(st, 1, doc);
		if (sqlite3_step(st) == SQLITE_ROW)
			old = store_col_strn(st, 0);
		sqlite3_finalize(st);
	}
	CHECK(old != NULL);
	if (old) {
		CHECK_INT(exchange_import_json(db2, old, strlen(old)), COPSE_OK);
		CHECK_INT(count(db2, "SELECT count(*) FROM action WHERE version = 1"), 2);
		/* each agenda as it was is its first revision */
		CHECK_INT(count(db2, "SELECT count(*) FROM meeting_revision"), 2);
		CHECK_INT(count(db2, "SELECT count(*) FROM meeting_revision WHERE meeting_id = 2"
				" AND version = 2 AND agenda = '- tea\n'"), 1);
	}
	free(old);
	free(doc);
	db_close(db);
	db_close(db2);
}

TEST(import_needs_an_empty_database)
{
	struct db *db = fixture_db("ann"), *db2 = fixture_db("ann");
	struct topic t = { 0 };
	char *doc;

	build_community(db);
	doc = export_doc(db);
	t.title = xstrdup("Already here");
	CHECK_INT(topic_add(db2, &t), COPSE_OK);
	topic_done(&t);
	CHECK_INT(exchange_import_json(db2, doc, strlen(doc)), COPSE_INVALID);
	CHECK_STR(db_error(db2), "database is not empty; import needs an empty one");
	CHECK_INT(count(db2, "SELECT count(*) FROM topic"), 1);
	CHECK_INT(count(db2, "SELECT count(*) FROM member"), 0);
	free(doc);
	db_close(db);
	db_close(db2);
}

TEST(empty_database_round_trips)
{
	struct db *db = fixture_db("ann"), *db2 = fixture_db("ann");
	char *doc1, *doc2;

	doc1 = export_doc(db);
	CHECK(strstr(doc1, "\"members\": [],") != NULL);
	CHECK_INT(exchange_import_json(db2, doc1, strlen(doc1)), COPSE_OK);
	doc2 = export_doc(db2);
	CHECK_STR(doc2, doc1);
	/* A minimal hand-written document: missing sections count as empty. */
	db_close(db2);
	db2 = fixture_db("ann");
	{
		const char *min = "{\"format\":\"copse\",\"version\":1,"
			"\"members\":[{\"id\":7,\"name\":\"Mo\",\"handle\":null,\"email\":null,"
			"\"status\":\"active\",\"role\":\"core\",\"joined\":\"2024-01-01\","
			"\"bio\":\"\",\"created\":\"" NOW "\",\"updated\":\"" NOW "\","
			"\"version\":1}]}";
		struct member mb;

		CHECK_INT(exchange_import_json(db2, min, strlen(min)), COPSE_OK);
		CHECK_INT(member_get(db2, 7, &mb), COPSE_OK);
		CHECK_STR(mb.name, "Mo");
		CHECK_INT(mb.expertise.n, 0);
		member_done(&mb);
	}
	free(doc1);
	free(doc2);
	db_close(db);
	db_close(db2);
}

TEST(import_takes_utf8_only)
{
	struct db *db = fixture_db("ann");
	static const char doc[] = "{\"format\":\"copse\",\"version\":1,"
		"\"meta\":{\"name\":\"raw \x9b byte\"}}";

	CHECK_INT(exchange_import_json(db, doc, sizeof doc - 1), COPSE_INVALID);
	CHECK_STR(db_error(db), "import: not UTF-8 text");
	CHECK(db_is_empty(db));
	db_close(db);
}

int main(void)
{
	harness_init();
	setenv("COPSE_NOW", NOW, 1);
	RUN(test_community_has_every_kind_of_row);
	RUN(export_is_valid_json_with_every_section);
	RUN(export_import_export_is_byte_identical);
	RUN(truncated_document_changes_nothing);
	RUN(bad_items_are_named_and_roll_back_everything);
	RUN(import_keeps_ids_unused_and_the_trash_restorable);
	RUN(format_1_document_imports);
	RUN(import_needs_an_empty_database);
	RUN(empty_database_round_trips);
	RUN(import_takes_utf8_only);
	return harness_done();
}
