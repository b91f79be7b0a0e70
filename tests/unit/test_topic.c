/* test_topic.c - topics, votes (one per login), links. */
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/topic.h"
#include "fixture.h"
#include "harness.h"
#include "store.h"

static int64_t add_topic(struct db *db, const char *title, const char *now)
{
	struct topic t = { 0 };
	int64_t id;

	setenv("COPSE_NOW", now, 1);
	t.title = xstrdup(title);
	t.body = xstrdup("Why this matters.");
	if (topic_add(db, &t) != COPSE_OK)
		FAILF("topic_add(%s): %s", title, db_error(db));
	id = t.id;
	topic_done(&t);
	return id;
}

TEST(add_and_get)
{
	struct db *db = fixture_db("ann");
	struct topic t;
	int64_t id = add_topic(db, "  Conflict at work  ", "2025-03-01T09:00:00Z");

	CHECK_INT(topic_get(db, id, &t), COPSE_OK);
	CHECK_STR(t.title, "Conflict at work");
	CHECK_STR(t.status, "open");
	CHECK_STR(t.author, "ann");
	CHECK_STR(t.body, "Why this matters.");
	CHECK_INT(t.version, 1);
	CHECK_INT(t.votes, 0);
	CHECK_INT(t.voted, 0);
	topic_done(&t);
	CHECK_INT(topic_get(db, 5, &t), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "topic 5: no such topic");
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE object = 'topic'"
			" AND verb = 'added'"), 1);

	memset(&t, 0, sizeof t);
	t.title = xstrdup("");
	CHECK_INT(topic_add(db, &t), COPSE_INVALID);
	free(t.title);
	t.title = xstrdup("x");
	t.status = xstrdup("closed");
	CHECK_INT(topic_add(db, &t), COPSE_INVALID);
	CHECK_STR(db_error(db), "status 'closed': must be one of open|exploring|addressed|parked");
	topic_done(&t);
	CHECK_INT(count(db, "SELECT count(*) FROM topic"), 1);
	db_close(db);
}

TEST(one_vote_per_login)
{
	struct db *db = fixture_db("ann");
	struct topic t;
	int64_t id = add_topic(db, "Anger", "2025-03-01T09:00:00Z");

	CHECK_INT(topic_vote(db, id), COPSE_OK);
	CHECK_INT(topic_vote(db, id), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "topic 1: you have already voted");
	CHECK_INT(count(db, "SELECT count(*) FROM topic_vote"), 1);
	db_set_login(db, "bob");
	CHECK_INT(topic_get(db, id, &t), COPSE_OK);
	CHECK_INT(t.votes, 1);
	CHECK_INT(t.voted, 0);          /* bob has not voted yet */
	topic_done(&t);
	CHECK_INT(topic_vote(db, id), COPSE_OK);
	CHECK_INT(topic_get(db, id, &t), COPSE_OK);
	CHECK_INT(t.votes, 2);
	CHECK_INT(t.voted, 1);
	topic_done(&t);
	CHECK_INT(topic_unvote(db, id), COPSE_OK);
	CHECK_INT(topic_unvote(db, id), COPSE_NOTFOUND);
	CHECK_INT(topic_get(db, id, &t), COPSE_OK);
	CHECK_INT(t.votes, 1);
	topic_done(&t);
	CHECK_INT(topic_vote(db, 99), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "topic 99: no such topic");
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'voted'"), 2);
	db_close(db);
}

TEST(list_by_votes_then_newest)
{
	struct db *db = fixture_db("ann");
	struct topic *v;
	struct topic_filter f = { 0 };
	size_t n;
	int64_t old = add_topic(db, "Old, no votes", "2025-01-01T09:00:00Z");
	int64_t popular = add_topic(db, "Popular", "2025-01-02T09:00:00Z");
	int64_t fresh = add_topic(db, "Fresh, no votes", "2025-01-03T09:00:00Z");

	CHECK_INT(topic_vote(db, popular), COPSE_OK);
	CHECK_INT(topic_list(db, NULL, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(v[0].id, popular);
		CHECK_INT(v[0].voted, 1);
		CHECK_INT(v[1].id, fresh);
		CHECK_INT(v[2].id, old);
		CHECK_INT(v[2].voted, 0);
	}
	topic_list_free(v, n);
	f.query = "NO VOTES";
	CHECK_INT(topic_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	topic_list_free(v, n);
	f.query = NULL;
	f.status = "parked";
	CHECK_INT(topic_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 0);
	topic_list_free(v, n);
	db_close(db);
}

TEST(update_checks_version)
{
	struct db *db = fixture_db("ann");
	struct topic a, b;
	int64_t id = add_topic(db, "Boundaries", "2025-03-01T09:00:00Z");

	CHECK_INT(topic_get(db, id, &a), COPSE_OK);
	CHECK_INT(topic_get(db, id, &b), COPSE_OK);
	free(a.status);
	a.status = xstrdup("exploring");
	CHECK_INT(topic_update(db, &a), COPSE_OK);
	CHECK_INT(a.version, 2);
	free(b.title);
	b.title = xstrdup("Stale edit");
	CHECK_INT(topic_update(db, &b), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "topic 1: changed by someone else (now version 2)");
	topic_done(&a);
	topic_done(&b);
	CHECK_INT(topic_get(db, id, &a), COPSE_OK);
	CHECK_STR(a.title, "Boundaries");
	CHECK_STR(a.status, "exploring");
	topic_done(&a);
	CHECK_INT(topic_delete(db, id), COPSE_OK);
	CHECK_INT(topic_get(db, id, &a), COPSE_NOTFOUND);
	CHECK_INT(topic_delete(db, id), COPSE_NOTFOUND);
	db_close(db);
}

TEST(links_to_meetings_and_entries)
{
	struct db *db = fixture_db("ann");
	struct meeting m = { 0 };
	struct entry e;
	struct topic t;
	int64_t *mids, *eids;
	size_t nm, ne;
	int64_t id = add_topic(db, "Listening", "2025-03-01T09:00:00Z");

	m.title = xstrdup("Circle");
	m.starts = xstrdup("2025-03-04T18:00:00Z");
	CHECK_INT(meeting_add(db, &m), COPSE_OK);
	entry_init(&e);
	e.title = xstrdup("Reflective listening");
	CHECK_INT(entry_add(db, &e), COPSE_OK);

	CHECK_INT(topic_link_meeting(db, id, m.id), COPSE_OK);
	CHECK_INT(topic_link_meeting(db, id, m.id), COPSE_OK);   /* idempotent */
	CHECK_INT(topic_link_entry(db, id, e.id), COPSE_OK);
	CHECK_INT(topic_link_entry(db, id, 404), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "entry 404: no such entry");
	CHECK_INT(topic_link_meeting(db, 77, m.id), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "topic 77: no such topic");
	/* The second link of the same meeting is not logged again. */
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'linked'"), 2);
	CHECK_INT(topic_links(db, 77, &mids, &nm, &eids, &ne), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "topic 77: no such topic");
	CHECK(mids == NULL && eids == NULL && nm == 0 && ne == 0);
	CHECK_INT(topic_links(db, id, &mids, &nm, &eids, &ne), COPSE_OK);
	CHECK_INT(nm, 1);
	CHECK_INT(ne, 1);
	if (nm == 1 && ne == 1) {
		CHECK_INT(mids[0], m.id);
		CHECK_INT(eids[0], e.id);
	}
	free(mids);
	free(eids);
	CHECK_INT(topic_get(db, id, &t), COPSE_OK);
	CHECK_INT(t.n_meetings, 1);
	CHECK_INT(t.n_entries, 1);
	topic_done(&t);
	meeting_done(&m);
	entry_done(&e);
	db_close(db);
}

int main(void)
{
	harness_init();
	RUN(add_and_get);
	RUN(one_vote_per_login);
	RUN(list_by_votes_then_newest);
	RUN(update_checks_version);
	RUN(links_to_meetings_and_entries);
	return harness_done();
}
