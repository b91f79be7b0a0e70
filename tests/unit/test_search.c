/* test_search.c - search over entries, topics, members and notes: what
 * the language finds in real text (test_query.c reads it), the ranking a
 * reader notices (a title or tag match before a passing mention, entries
 * before notes, the whole word typed before longer ones), snippets with
 * their matching words, and the indexes following every change. */
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/search.h"
#include "copse/tag.h"
#include "copse/topic.h"
#include "copse/trash.h"
#include "fixture.h"
#include "harness.h"

static int64_t add_entry(struct db *db, const char *title, const char *tags, const char *body)
{
	struct entry e;
	int64_t id;

	entry_init(&e);
	e.title = xstrdup(title);
	e.body = xstrdup(body);
	if (tags)
		strv_split(&e.tags, tags, ',');
	if (entry_add(db, &e) != COPSE_OK)
		FAILF("entry_add(%s): %s", title, db_error(db));
	id = e.id;
	entry_done(&e);
	return id;
}

static int64_t add_note(struct db *db, const char *meeting, const char *body, int64_t *mid)
{
	struct meeting m;
	struct note n;
	int64_t id;

	memset(&m, 0, sizeof m);
	memset(&n, 0, sizeof n);
	m.title = xstrdup(meeting);
	m.starts = xstrdup("2025-03-03T18:00:00Z");
	if (meeting_add(db, &m) != COPSE_OK)
		FAILF("meeting_add: %s", db_error(db));
	n.meeting_id = m.id;
	n.body = xstrdup(body);
	if (note_add(db, &n) != COPSE_OK)
		FAILF("note_add: %s", db_error(db));
	if (mid)
		*mid = m.id;
	id = n.id;
	meeting_done(&m);
	note_done(&n);
	return id;
}

static int64_t add_topic(struct db *db, const char *title, const char *body)
{
	struct topic t;
	int64_t id;

	memset(&t, 0, sizeof t);
	t.title = xstrdup(title);
	t.body = xstrdup(body);
	if (topic_add(db, &t) != COPSE_OK)
		FAILF("topic_add: %s", db_error(db));
	id = t.id;
	topic_done(&t);
	return id;
}

static int64_t add_member(struct db *db, const char *name, const char *handle,
			  const char *expertise, const char *bio)
{
	struct member m;
	int64_t id;

	memset(&m, 0, sizeof m);
	strv_init(&m.expertise);
	strv_init(&m.interest);
	m.name = xstrdup(name);
	m.handle = handle ? xstrdup(handle) : NULL;
	m.bio = xstrdup(bio);
	if (expertise)
		strv_split(&m.expertise, expertise, ',');
	if (member_add(db, &m) != COPSE_OK)
		FAILF("member_add: %s", db_error(db));
	id = m.id;
	member_done(&m);
	return id;
}

/* The hits of query as "kind:id kind:id ..." (typing: as the app asks). */
static char got[1024];

static const char *hits(struct db *db, const char *query, int typing)
{
	struct search_opts o = { .limit = 20, .typing = typing };
	struct search_hit *v;
	size_t n, at = 0;
	int st = search_run(db, query, &o, &v, &n);

	got[0] = '\0';
	if (st != COPSE_OK) {
		snprintf(got, sizeof got, "ERR %s", db_error(db));
		return got;
	}
	for (size_t i = 0; i < n; i++)
		at += (size_t)snprintf(got + at, sizeof got - at, "%s%s:%lld", i ? " " : "",
				       search_kind_name(v[i].kind), (long long)v[i].id);
	search_hit_list_free(v, n);
	return got;
}

static const char *ids(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char want[1024];
static const char *ids(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof want, fmt, ap);
	va_end(ap);
	return want;
}

TEST(a_title_or_tag_match_comes_before_a_passing_mention)
{
	struct db *db = fixture_db("ann");
	/* the body says it three times; the title once */
	int64_t mention = add_entry(db, "Morning routine", NULL,
				    "Breathing in, breathing out: breathing is all.");
	int64_t tagged = add_entry(db, "Slow walking", "breathing", "Steps.");
	int64_t titled = add_entry(db, "Breathing space", NULL, "A short practice.");
	int64_t note = add_note(db, "March circle", "breathing breathing breathing breathing", NULL);

	/* title, then tags, then the body; entries before notes however
	 * high the note's own score */
	CHECK_STR(hits(db, "breathing", 0),
		  ids("entry:%lld entry:%lld entry:%lld note:%lld", (long long)titled,
		      (long long)tagged, (long long)mention, (long long)note));
	db_close(db);
}

TEST(groups_come_entries_topics_members_notes)
{
	struct db *db = fixture_db("ann");
	int64_t n = add_note(db, "Circle", "about boundaries", NULL);
	int64_t m = add_member(db, "Ana Boundary", "ana", NULL, "");
	int64_t t = add_topic(db, "Boundaries at work", "");
	int64_t e = add_entry(db, "Holding boundaries", NULL, "");

	CHECK_STR(hits(db, "boundaries", 0),
		  ids("entry:%lld topic:%lld note:%lld", (long long)e, (long long)t, (long long)n));
	CHECK_STR(hits(db, "boundary", 0), ids("member:%lld", (long long)m));
	db_close(db);
}

TEST(members_by_name_handle_tags_and_bio)
{
	struct db *db = fixture_db("ann");
	int64_t sam = add_member(db, "Sam Okafor", "sam", "mediation,restorative-conversations",
				 "Runs the Tuesday circle.");
	int64_t zoe = add_member(db, "Zoë Martin", "zoe", NULL, "Learning mediation from Sam.");

	/* @sam is the word sam: Sam's name first, then the bio that names him */
	CHECK_STR(hits(db, "@sam", 0), ids("member:%lld member:%lld", (long long)sam, (long long)zoe));
	CHECK_STR(hits(db, "#mediation", 0),
		  ids("member:%lld member:%lld", (long long)sam, (long long)zoe));
	CHECK_STR(hits(db, "zoe", 0), ids("member:%lld", (long long)zoe));
	CHECK_STR(hits(db, "tuesday", 0), ids("member:%lld", (long long)sam));
	CHECK_STR(hits(db, "conversations", 0), ids("member:%lld", (long long)sam));
	db_close(db);
}

TEST(operators_in_real_text)
{
	struct db *db = fixture_db("ann");
	int64_t a = add_entry(db, "Listening before fixing", NULL, "Say back what you heard.");
	int64_t b = add_entry(db, "Fixing the rota", NULL, "Listening to anger takes time.");
	int64_t c = add_entry(db, "Quiet rooms", "calm", "Before the circle, fixing chairs.");

	/* a phrase is those words in that order */
	CHECK_STR(hits(db, "\"listening before\"", 0), ids("entry:%lld", (long long)a));
	CHECK_STR(hits(db, "\"before listening\"", 0), "");
	/* an open quote runs to the end */
	CHECK_STR(hits(db, "\"listening before", 0), ids("entry:%lld", (long long)a));
	/* every word must match, anywhere in the entry */
	CHECK_STR(hits(db, "fixing anger", 0), ids("entry:%lld", (long long)b));
	/* OR */
	CHECK_STR(hits(db, "calm OR anger", 0), ids("entry:%lld entry:%lld", (long long)c, (long long)b));
	/* NOT leaves out an entry that has the word anywhere, even one whose
	 * title matched */
	CHECK_STR(hits(db, "fixing NOT anger", 0), ids("entry:%lld entry:%lld", (long long)a, (long long)c));
	CHECK_STR(hits(db, "fixing NOT chairs NOT \"say back\"", 0), ids("entry:%lld", (long long)b));
	/* a prefix */
	CHECK_STR(hits(db, "fix*", 0),
		  ids("entry:%lld entry:%lld entry:%lld", (long long)a, (long long)b, (long long)c));
	CHECK_STR(hits(db, "fix", 0), "");
	db_close(db);
}

TEST(literal_text_finds_what_has_it)
{
	struct db *db = fixture_db("ann");
	int64_t dont = add_entry(db, "Don't rush", NULL, "");
	int64_t cpp = add_entry(db, "Notes", NULL, "We wrote it in C++ last year.");
	int64_t mail = add_entry(db, "Contact", NULL, "Send an e-mail first.");
	int64_t date = add_entry(db, "Retreat", NULL, "On 2024-07-02 we met.");
	int64_t sam = add_entry(db, "Thanks", NULL, "Ask @sam about it.");
	int64_t tag = add_entry(db, "Chairs", "setup", "");
	int64_t logic = add_entry(db, "Logic", NULL, "Use AND with care; col:foo and NEAR too.");

	CHECK_STR(hits(db, "don't", 0), ids("entry:%lld", (long long)dont));
	CHECK_STR(hits(db, "C++", 0), ids("entry:%lld", (long long)cpp));
	CHECK_STR(hits(db, "e-mail", 0), ids("entry:%lld", (long long)mail));
	CHECK_STR(hits(db, "2024-07-02", 0), ids("entry:%lld", (long long)date));
	CHECK_STR(hits(db, "2024-07-03", 0), "");
	CHECK_STR(hits(db, "@sam", 0), ids("entry:%lld", (long long)sam));
	CHECK_STR(hits(db, "#setup", 0), ids("entry:%lld", (long long)tag));
	CHECK_STR(hits(db, "AND", 0), ids("entry:%lld", (long long)logic));
	CHECK_STR(hits(db, "col:foo", 0), ids("entry:%lld", (long long)logic));
	CHECK_STR(hits(db, "NEAR", 0), ids("entry:%lld", (long long)logic));
	CHECK_STR(hits(db, "-care", 0), ids("entry:%lld", (long long)logic));
	db_close(db);
}

TEST(no_query_is_an_error_for_its_characters)
{
	static const char *const queries[] = {
		"'", "-", "+", "@", "#", "\"", "\"\"", "*", "**", "'\"", "a + b", "x\" OR \"y",
		"{title}: z", "^start", "NEAR(a b)", "(", ")", ";DROP TABLE entry;--", "   ", "",
		"listening '", "— ·", "listening NOT -", "' OR listening", "🙂", "AND OR",
	};
	struct db *db = fixture_db("ann");

	add_entry(db, "Listening", NULL, "with care");
	for (size_t i = 0; i < ARRAY_SIZE(queries); i++)
		if (strncmp(hits(db, queries[i], 0), "ERR", 3) == 0 && strcmp(queries[i], "AND OR") != 0)
			FAILF("search '%s': %s", queries[i], got);
	/* a word with no letter or digit is left out, not matched as nothing */
	CHECK_STR(hits(db, "listening '", 0), "entry:1");
	CHECK_STR(hits(db, "listening NOT -", 0), "entry:1");
	CHECK_STR(hits(db, "' OR listening", 0), "entry:1");
	CHECK_STR(hits(db, "— ·", 0), "");
	CHECK_INT(count(db, "SELECT count(*) FROM entry"), 1);
	db_close(db);
}

TEST(a_malformed_query_says_why)
{
	struct db *db = fixture_db("ann");

	add_entry(db, "Listening", NULL, "");
	CHECK_STR(hits(db, "listening OR", 0), "ERR search: OR needs a word on each side");
	CHECK_STR(hits(db, "NOT listening", 0),
		  "ERR search: NOT only leaves out: add a word to search for");
	CHECK_STR(hits(db, "AND OR", 0), "ERR search: OR needs a word on each side");
	/* while typing, an operator at the end waits for its word */
	CHECK_STR(hits(db, "listening OR", 1), "entry:1");
	db_close(db);
}

TEST(typing_finds_the_whole_word_first_then_longer_words)
{
	struct db *db = fixture_db("ann");
	int64_t career = add_entry(db, "Career talks", NULL, "");
	int64_t careful = add_entry(db, "Careful words", NULL, "");
	int64_t care = add_entry(db, "Self care", NULL, "");
	int64_t body = add_entry(db, "Evenings", NULL, "Take care.");
	int64_t ca = add_entry(db, "Ca", NULL, "");

	/* the word being typed: whole first (title, then body), then the
	 * longer words it begins */
	CHECK_STR(hits(db, "care", 1),
		  ids("entry:%lld entry:%lld entry:%lld entry:%lld", (long long)care,
		      (long long)career, (long long)careful, (long long)body));
	/* on the command line, or after a space, it is a whole word */
	CHECK_STR(hits(db, "care", 0), ids("entry:%lld entry:%lld", (long long)care, (long long)body));
	CHECK_STR(hits(db, "care ", 1), ids("entry:%lld entry:%lld", (long long)care, (long long)body));
	/* two letters are too few to widen */
	CHECK_STR(hits(db, "ca", 1), ids("entry:%lld", (long long)ca));
	/* accents and case fold like the index */
	CHECK_STR(hits(db, "CÁREF", 1), ids("entry:%lld", (long long)careful));
	db_close(db);
}

TEST(snippets_mark_the_matching_words)
{
	struct db *db = fixture_db("ann");
	struct search_opts o = { .limit = 5 };
	struct search_hit *v;
	size_t n;
	char word[64];

	add_entry(db, "Morning", NULL, "First we *stretch*,\n\nthen the Café opens.");
	add_entry(db, "Café hours", "coffee", "Open late.");
	CHECK_INT(search_run(db, "cafe", &o, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		/* the title matched: its words marked, the text's start shown */
		CHECK_STR(v[0].title, "Café hours");
		CHECK_INT(v[0].head, 1);
		CHECK_INT(v[0].ntspans, 1);
		if (v[0].ntspans == 1) {
			CHECK_INT(v[0].tspans[0].off, 0);
			CHECK_INT(v[0].tspans[0].len, strlen("Café"));
		}
		CHECK_STR(v[0].snippet, "Open late.");
		CHECK_INT(v[0].nspans, 0);
		search_hit_word(&v[0], word, sizeof word);
		CHECK_STR(word, "Café");
		/* the body matched: one line, emphasis marks gone, the word
		 * as the text spells it */
		CHECK_STR(v[1].title, "Morning");
		CHECK_INT(v[1].head, 0);
		CHECK_STR(v[1].snippet, "First we stretch, then the Café opens.");
		CHECK_INT(v[1].nspans, 1);
		search_hit_word(&v[1], word, sizeof word);
		CHECK_STR(word, "Café");
	}
	search_hit_list_free(v, n);
	/* a title is shown as it is: only the snippet loses Markdown's marks */
	add_entry(db, "C*-algebras for `facilitators`", NULL, "");
	CHECK_INT(search_run(db, "facilitators", &o, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].title, "C*-algebras for `facilitators`");
	search_hit_list_free(v, n);
	db_close(db);
}

TEST(statuses_are_found_and_told)
{
	struct db *db = fixture_db("ann");
	struct search_opts o = { 0 };
	struct search_hit *v;
	size_t n;
	struct entry e;
	int64_t id = add_entry(db, "Old circle format", NULL, "");

	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	free(e.status);
	e.status = xstrdup("draft");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(search_run(db, "circle", &o, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].status, "draft");
	search_hit_list_free(v, n);
	/* a retired entry stays findable, marked */
	CHECK_INT(entry_get(db, id, &e), COPSE_OK);
	free(e.status);
	e.status = xstrdup("retired");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_INT(search_run(db, "circle", &o, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].status, "retired");
	search_hit_list_free(v, n);
	db_close(db);
}

TEST(limit_and_kinds)
{
	struct db *db = fixture_db("ann");
	struct search_opts o = { .limit = 2, .kinds = 1u << SEARCH_NOTE };
	struct search_hit *v;
	size_t n;

	for (int i = 0; i < 4; i++) {
		add_entry(db, "Breathing", NULL, "");
		add_note(db, "Circle", "breathing", NULL);
	}
	CHECK_STR(hits(db, "breathing", 0), "entry:1 entry:2 entry:3 entry:4 note:1 note:2 note:3 note:4");
	CHECK_INT(search_run(db, "breathing", &o, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	for (size_t i = 0; i < n; i++)
		CHECK_INT(v[i].kind, SEARCH_NOTE);
	search_hit_list_free(v, n);
	o.kinds = 0;
	CHECK_INT(search_run(db, "breathing", &o, &v, &n), COPSE_OK);
	CHECK_INT(n, 4);
	search_hit_list_free(v, n);
	db_close(db);
}

TEST(a_note_hit_names_its_meeting)
{
	struct db *db = fixture_db("ann");
	struct search_hit *v;
	size_t n;
	int64_t mid = 0, id = add_note(db, "March circle", "We agreed to practise breathing.", &mid);

	CHECK_INT(search_run(db, "practise breathing", NULL, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_INT(v[0].kind, SEARCH_NOTE);
		CHECK_INT(v[0].id, id);
		CHECK_INT(v[0].meeting_id, mid);
		CHECK_STR(v[0].title, "March circle");
		CHECK_STR(v[0].status, "note");
		CHECK_STR(v[0].when, "2025-03-03T18:00:00Z");
	}
	search_hit_list_free(v, n);
	db_close(db);
}

TEST(the_indexes_follow_every_change)
{
	struct db *db = fixture_db("ann");
	struct entry e;
	struct topic t;
	struct member m;
	int64_t eid = add_entry(db, "Walking", "mindfulness", "Slow steps.");
	int64_t tid = add_topic(db, "Anger at home", "What do we do?");
	int64_t mid = add_member(db, "Kwame Mensah", "kwame", "schools", "");

	/* an entry's tags and title */
	CHECK_INT(entry_get(db, eid, &e), COPSE_OK);
	strv_done(&e.tags);
	strv_split(&e.tags, "outdoors", ',');
	free(e.title);
	e.title = xstrdup("Strolling");
	CHECK_INT(entry_update(db, &e), COPSE_OK);
	entry_done(&e);
	CHECK_STR(hits(db, "mindfulness", 0), "");
	CHECK_STR(hits(db, "walking", 0), "");
	CHECK_STR(hits(db, "outdoors", 0), ids("entry:%lld", (long long)eid));
	CHECK_STR(hits(db, "strolling", 0), ids("entry:%lld", (long long)eid));
	/* a topic */
	CHECK_INT(topic_get(db, tid, &t), COPSE_OK);
	free(t.title);
	t.title = xstrdup("Anger in the family");
	CHECK_INT(topic_update(db, &t), COPSE_OK);
	topic_done(&t);
	CHECK_STR(hits(db, "family", 0), ids("topic:%lld", (long long)tid));
	CHECK_STR(hits(db, "home", 0), "");
	/* a member's name and tags */
	CHECK_INT(member_get(db, mid, &m), COPSE_OK);
	strv_done(&m.expertise);
	strv_split(&m.expertise, "mediation", ',');
	CHECK_INT(member_update(db, &m), COPSE_OK);
	member_done(&m);
	CHECK_STR(hits(db, "schools", 0), "");
	CHECK_STR(hits(db, "mediation", 0), ids("member:%lld", (long long)mid));
	/* a tag renamed everywhere */
	add_entry(db, "Basics", "mediation", "");
	CHECK_INT(tag_rename(db, "mediation", "peacemaking", NULL, NULL), COPSE_OK);
	CHECK_STR(hits(db, "peacemaking", 0), ids("entry:%lld member:%lld", (long long)eid + 1,
						  (long long)mid));
	CHECK_STR(hits(db, "#mediation", 0), "");
	/* deleted, then back from the trash */
	CHECK_INT(entry_delete(db, eid), COPSE_OK);
	CHECK_INT(topic_delete(db, tid), COPSE_OK);
	CHECK_STR(hits(db, "outdoors", 0), "");
	CHECK_STR(hits(db, "family", 0), "");
	CHECK_INT(trash_restore(db, "entry", eid), COPSE_OK);
	CHECK_INT(trash_restore(db, "topic", tid), COPSE_OK);
	CHECK_STR(hits(db, "outdoors", 0), ids("entry:%lld", (long long)eid));
	CHECK_STR(hits(db, "family", 0), ids("topic:%lld", (long long)tid));
	db_close(db);
}

int main(void)
{
	harness_init();
	RUN(a_title_or_tag_match_comes_before_a_passing_mention);
	RUN(groups_come_entries_topics_members_notes);
	RUN(members_by_name_handle_tags_and_bio);
	RUN(operators_in_real_text);
	RUN(literal_text_finds_what_has_it);
	RUN(no_query_is_an_error_for_its_characters);
	RUN(a_malformed_query_says_why);
	RUN(typing_finds_the_whole_word_first_then_longer_words);
	RUN(snippets_mark_the_matching_words);
	RUN(statuses_are_found_and_told);
	RUN(limit_and_kinds);
	RUN(a_note_hit_names_its_meeting);
	RUN(the_indexes_follow_every_change);
	return harness_done();
}
