/* test_member.c - members, tags, status history and connections. */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/member.h"
#include "fixture.h"
#include "harness.h"
#include "store.h"

/* Add a member with the given fields; returns the id or 0. */
static int64_t add(struct db *db, const char *name, const char *handle,
		   const char *status, const char *expertise, const char *interest)
{
	struct member m;
	int64_t id = 0;

	member_init(&m);
	m.name = xstrdup(name);
	m.handle = xstrdup(handle);
	m.status = xstrdup(status);
	if (expertise)
		strv_split(&m.expertise, expertise, ',');
	if (interest)
		strv_split(&m.interest, interest, ',');
	if (member_add(db, &m) == COPSE_OK)
		id = m.id;
	else
		printf("# member_add %s: %s\n", name, db_error(db));
	member_done(&m);
	return id;
}

TEST(add_and_get_round_trip)
{
	struct db *db = fixture_db("coord");
	struct member m, g;

	setenv("COPSE_NOW", "2024-03-05T10:00:00Z", 1);
	member_init(&m);
	m.name = xstrdup("  Zoë 山田  ");
	m.handle = xstrdup("zoe");
	m.email = xstrdup("zoe@example.org");
	m.status = xstrdup("active");
	m.role = xstrdup("core");
	m.bio = xstrdup("# About\n\nLikes *tea*.");
	strv_split(&m.expertise, "mediation, listening", ',');
	strv_split(&m.interest, "gardening", ',');
	CHECK_INT(member_add(db, &m), COPSE_OK);
	CHECK(m.id > 0);
	CHECK_INT(m.version, 1);
	CHECK_STR(m.created, "2024-03-05T10:00:00Z");
	CHECK_STR(m.joined, "2024-03-05");   /* added active: joined today */

	CHECK_INT(member_get(db, m.id, &g), COPSE_OK);
	CHECK_STR(g.name, "Zoë 山田");
	CHECK_STR(g.handle, "zoe");
	CHECK_STR(g.email, "zoe@example.org");
	CHECK_STR(g.status, "active");
	CHECK_STR(g.role, "core");
	CHECK_STR(g.bio, "# About\n\nLikes *tea*.");
	CHECK_STR(g.joined, "2024-03-05");
	CHECK_INT(g.expertise.n, 2);
	CHECK(strv_contains(&g.expertise, "mediation"));
	CHECK(strv_contains(&g.expertise, "listening"));
	CHECK_INT(g.interest.n, 1);
	CHECK_STR(g.interest.v[0], "gardening");
	member_done(&g);
	member_done(&m);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(defaults_prospect_member_no_joined)
{
	struct db *db = fixture_db("coord");
	struct member g;
	int64_t id = add(db, "Pat", NULL, NULL, NULL, NULL);

	CHECK(id > 0);
	CHECK_INT(member_get(db, id, &g), COPSE_OK);
	CHECK_STR(g.status, "prospect");
	CHECK_STR(g.role, "member");
	CHECK(g.handle == NULL);
	CHECK(g.email == NULL);
	CHECK(g.joined == NULL);
	CHECK_STR(g.bio, "");
	member_done(&g);
	db_close(db);
}

TEST(sql_metacharacters_round_trip)
{
	struct db *db = fixture_db("coord");
	const char *evil = "Robert'); DROP TABLE member;--";
	struct member g;
	int64_t id = add(db, evil, "bobby", NULL, "a'b, \"q\"", NULL);

	CHECK(id > 0);
	CHECK_INT(member_get(db, id, &g), COPSE_OK);
	CHECK_STR(g.name, evil);
	CHECK(strv_contains(&g.expertise, "a'b"));
	CHECK(strv_contains(&g.expertise, "\"q\""));
	member_done(&g);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 1);
	db_close(db);
}

TEST(validation_messages)
{
	struct db *db = fixture_db("coord");
	struct member m;

	member_init(&m);
	m.name = xstrdup("   ");
	CHECK_INT(member_add(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "member name: must not be empty");
	member_done(&m);

	member_init(&m);
	m.name = xstrdup("Al");
	m.status = xstrdup("foo");
	CHECK_INT(member_add(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "status 'foo': must be one of prospect|invited|active|alumni");
	member_done(&m);

	member_init(&m);
	m.name = xstrdup("Al");
	m.role = xstrdup("boss");
	CHECK_INT(member_add(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "role 'boss': must be one of coordinator|core|member");
	member_done(&m);

	member_init(&m);
	m.name = xstrdup("Al");
	m.joined = xstrdup("2024-02-30");
	CHECK_INT(member_add(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "joined date '2024-02-30': not a valid date (YYYY-MM-DD)");
	member_done(&m);

	member_init(&m);
	m.name = xstrdup("Al");
	m.handle = xstrdup("a l");
	CHECK_INT(member_add(db, &m), COPSE_INVALID);
	CHECK(strstr(db_error(db), "handle 'a l'") != NULL);
	member_done(&m);

	member_init(&m);
	m.name = xstrdup("Al");
	m.handle = xstrdup("42");
	CHECK_INT(member_add(db, &m), COPSE_INVALID);
	CHECK(strstr(db_error(db), "must not be a number") != NULL);
	member_done(&m);

	CHECK_INT(count(db, "SELECT count(*) FROM member"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM activity"), 0);
	db_close(db);
}

TEST(duplicate_handle_names_the_owner)
{
	struct db *db = fixture_db("coord");
	struct member m;
	int64_t zoe = add(db, "Zoë Martin", "zoe", NULL, NULL, NULL);
	int64_t bob = add(db, "Bob", "bob", NULL, NULL, NULL);

	CHECK(zoe > 0 && bob > 0);
	CHECK_INT(add(db, "Zoe Other", "zoe", NULL, NULL, NULL), 0);
	CHECK_STR(db_error(db), "handle 'zoe' is already used by Zoë Martin");

	/* an edit taking someone else's handle is refused too */
	CHECK_INT(member_get(db, bob, &m), COPSE_OK);
	free(m.handle);
	m.handle = xstrdup("@zoe");
	CHECK_INT(member_update(db, &m), COPSE_INVALID);
	CHECK_STR(db_error(db), "handle 'zoe' is already used by Zoë Martin");
	member_done(&m);
	/* keeping one's own handle is fine */
	CHECK_INT(member_get(db, zoe, &m), COPSE_OK);
	CHECK_INT(member_update(db, &m), COPSE_OK);
	member_done(&m);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 2);
	db_close(db);
}

TEST(find_by_id_or_handle)
{
	struct db *db = fixture_db("coord");
	struct member m;
	int64_t id = add(db, "Zoë Martin", "zoe", NULL, NULL, NULL);
	char key[32];

	snprintf(key, sizeof key, "%lld", (long long)id);
	CHECK_INT(member_find(db, key, &m), COPSE_OK);
	CHECK_STR(m.name, "Zoë Martin");
	member_done(&m);
	CHECK_INT(member_find(db, "zoe", &m), COPSE_OK);
	CHECK_INT(m.id, id);
	member_done(&m);
	CHECK_INT(member_find(db, "@zoe", &m), COPSE_OK);
	CHECK_INT(m.id, id);
	member_done(&m);
	CHECK_INT(member_find(db, "zed", &m), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member zed: no such member");
	CHECK_INT(member_find(db, "@zed", &m), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member zed: no such member");
	CHECK_INT(member_find(db, "99", &m), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member 99: no such member");
	CHECK_INT(member_get(db, 98, &m), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member 98: no such member");
	member_done(&m);
	db_close(db);
}

TEST(list_filters_and_order)
{
	struct db *db = fixture_db("coord");
	struct member *v = NULL;
	struct member_filter f = { 0 };
	size_t n = 0;

	add(db, "carol", "carol", "active", "Facilitation, Écoute, baking", "cooking");
	add(db, "Alice", "alice", "prospect", NULL, "facilitation");
	add(db, "bob", NULL, "active", "gardening", NULL);

	/* The list is in name order, not id order: each member still gets
	 * their own tags, sorted ignoring case and accents. */
	CHECK_INT(member_list(db, NULL, &v, &n), COPSE_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(v[0].name, "Alice");   /* case-insensitive order */
		CHECK_STR(v[1].name, "bob");
		CHECK_STR(v[2].name, "carol");
		CHECK_INT(v[0].expertise.n, 0);
		CHECK_STR(v[0].interest.n == 1 ? v[0].interest.v[0] : "", "facilitation");
		CHECK_STR(v[1].expertise.n == 1 ? v[1].expertise.v[0] : "", "gardening");
		CHECK_INT(v[1].interest.n, 0);
		CHECK_INT(v[2].expertise.n, 3);
		if (v[2].expertise.n == 3) {
			CHECK_STR(v[2].expertise.v[0], "baking");
			CHECK_STR(v[2].expertise.v[1], "Écoute");
			CHECK_STR(v[2].expertise.v[2], "Facilitation");
		}
		CHECK_STR(v[2].interest.n == 1 ? v[2].interest.v[0] : "", "cooking");
	}
	member_list_free(v, n);

	f.status = "active";
	CHECK_INT(member_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	member_list_free(v, n);

	f.status = NULL;
	f.tag = "facilitation";   /* expertise or interest, any case */
	CHECK_INT(member_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(v[0].name, "Alice");
		CHECK_STR(v[1].name, "carol");
		CHECK_INT(v[0].interest.n, 1);
		CHECK_INT(v[1].expertise.n, 3);
	}
	member_list_free(v, n);

	f.tag = NULL;
	f.query = "ARO";
	CHECK_INT(member_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].name, "carol");
	member_list_free(v, n);

	f.query = NULL;
	f.status = "gone";
	CHECK_INT(member_list(db, &f, &v, &n), COPSE_INVALID);
	CHECK(v == NULL && n == 0);
	member_list_free(NULL, 0);
	db_close(db);
}

TEST(update_version_conflict_and_tags)
{
	struct db *db = fixture_db("coord");
	struct member a, b, g;
	int64_t id = add(db, "Zoë", "zoe", "prospect", "mediation", "tea");

	CHECK_INT(member_get(db, id, &a), COPSE_OK);
	CHECK_INT(member_get(db, id, &b), COPSE_OK);

	free(a.email);
	a.email = xstrdup("z@example.org");
	strv_done(&a.expertise);
	strv_split(&a.expertise, "mediation, conflict, Mediation", ',');
	CHECK_INT(member_update(db, &a), COPSE_OK);
	CHECK_INT(a.version, 2);

	free(b.name);
	b.name = xstrdup("Stale Zoë");
	CHECK_INT(member_update(db, &b), COPSE_CONFLICT);
	char want[128];
	snprintf(want, sizeof want, "member %lld: changed by someone else (now version 2)",
		 (long long)id);
	CHECK_STR(db_error(db), want);

	CHECK_INT(member_get(db, id, &g), COPSE_OK);
	CHECK_STR(g.name, "Zoë");            /* the stale edit changed nothing */
	CHECK_STR(g.email, "z@example.org");
	CHECK_INT(g.version, 2);
	CHECK_INT(g.expertise.n, 2);         /* de-duplicated, ignoring case */
	CHECK(strv_contains(&g.expertise, "conflict"));
	CHECK_INT(g.interest.n, 1);
	member_done(&g);

	/* editing a deleted member: not found */
	b.id = 777;
	CHECK_INT(member_update(db, &b), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member 777: no such member");
	member_done(&a);
	member_done(&b);
	db_close(db);
}

TEST(status_changes_are_logged)
{
	struct db *db = fixture_db("coord");
	struct member m;
	int64_t id;

	setenv("COPSE_NOW", "2024-01-10T09:00:00Z", 1);
	id = add(db, "Zoë", "zoe", "prospect", NULL, NULL);
	CHECK_INT(member_get(db, id, &m), COPSE_OK);
	free(m.status);
	m.status = xstrdup("invited");
	setenv("COPSE_NOW", "2024-02-01T09:00:00Z", 1);
	CHECK_INT(member_update(db, &m), COPSE_OK);
	free(m.bio);
	m.bio = xstrdup("no status change");
	CHECK_INT(member_update(db, &m), COPSE_OK);
	free(m.status);
	m.status = xstrdup("active");
	setenv("COPSE_NOW", "2024-03-01T09:00:00Z", 1);
	CHECK_INT(member_update(db, &m), COPSE_OK);
	CHECK_STR(m.joined, "2024-03-01");
	member_done(&m);

	CHECK_INT(count(db, "SELECT count(*) FROM member_status_log"), 3);
	CHECK_INT(count(db, "SELECT count(*) FROM member_status_log WHERE status = 'invited'"
			" AND at = '2024-02-01T09:00:00Z'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM member_status_log WHERE status = 'active'"
			" AND at = '2024-03-01T09:00:00Z'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM member WHERE joined = '2024-03-01'"), 1);
	unsetenv("COPSE_NOW");
	db_close(db);
}

/* A member without history goes to the trash with their tags; one with
 * history (a connection, an action, attendance, what they wrote) is not
 * deleted: they are to be made alumni. */
TEST(delete_to_trash_unless_history)
{
	struct db *db = fixture_db("coord");
	int64_t zoe = add(db, "Zoë", "zoe", NULL, "x", "y");
	int64_t bob = add(db, "Bob", "bob", NULL, NULL, NULL);
	int64_t cy = add(db, "Cy", "cy", NULL, "tea", NULL);
	char *what = NULL;

	CHECK_INT(member_link(db, zoe, bob, NULL, "met at the fair", NULL), COPSE_OK);
	CHECK_INT(db_exec(db, "INSERT INTO action(title, owner_id, author, created)"
			  " VALUES ('call', 1, 'coord', '2024-01-01T00:00:00Z')"), COPSE_OK);
	CHECK_INT(db_exec(db, "INSERT INTO topic(title, author, created, updated)"
			  " VALUES ('t', 'zoe', 'x', 'x')"), COPSE_OK);
	CHECK_INT(member_history(db, zoe, &what), COPSE_OK);
	CHECK_STR(what, "1 action, 1 connection, 1 topic raised");
	free(what);
	CHECK_INT(member_history(db, cy, &what), COPSE_OK);
	CHECK(what == NULL);
	CHECK_INT(member_delete(db, zoe), COPSE_CONFLICT);
	CHECK_STR(db_error(db), "member Zoë has history (1 action, 1 connection,"
		  " 1 topic raised): make them alumni instead");
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 3);
	CHECK_INT(count(db, "SELECT count(*) FROM trash"), 0);

	CHECK_INT(member_delete(db, cy), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM member"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM member_tag WHERE member_id = 3"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM trash WHERE kind = 'member'"
			" AND object_id = 3 AND title = 'Cy' AND what = '1 tag'"), 1);
	CHECK_INT(member_delete(db, cy), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member 3: no such member");
	CHECK_INT(member_history(db, 99, &what), COPSE_NOTFOUND);
	db_close(db);
}

TEST(connections)
{
	struct db *db = fixture_db("coord");
	struct connection *c = NULL;
	size_t n = 0;
	int64_t zoe = add(db, "Zoë", "zoe", NULL, NULL, NULL);
	int64_t bob = add(db, "Bob", "bob", NULL, NULL, NULL);
	int64_t cy = add(db, "Cy", "cy", NULL, NULL, NULL);
	int64_t id1 = 0, id2 = 0;

	setenv("COPSE_NOW", "2024-01-01T00:00:00Z", 1);
	CHECK_INT(member_link(db, zoe, bob, NULL, "fair", &id1), COPSE_OK);
	setenv("COPSE_NOW", "2024-02-01T00:00:00Z", 1);
	CHECK_INT(member_link(db, cy, zoe, "mentors", NULL, &id2), COPSE_OK);
	CHECK(id1 > 0 && id2 > id1);

	CHECK_INT(member_link(db, bob, zoe, "introduced", NULL, NULL), COPSE_INVALID);
	CHECK_STR(db_error(db), "Bob and Zoë: already connected (introduced)");
	CHECK_INT(member_link(db, zoe, zoe, NULL, NULL, NULL), COPSE_INVALID);
	CHECK_INT(member_link(db, zoe, bob, "friends", NULL, NULL), COPSE_INVALID);
	CHECK_STR(db_error(db),
		  "connection kind 'friends': must be one of introduced|mentors|works-with");
	CHECK_INT(member_link(db, zoe, 99, NULL, NULL, NULL), COPSE_NOTFOUND);
	CHECK_STR(db_error(db), "member 99: no such member");

	CHECK_INT(member_connections(db, zoe, &c, &n), COPSE_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(c[0].id, id2);       /* newest first */
		CHECK_STR(c[0].kind, "mentors");
		CHECK_STR(c[0].a_name, "Cy");
		CHECK_STR(c[0].b_name, "Zoë");
		CHECK_STR(c[0].by, "coord");
		CHECK_STR(c[0].at, "2024-02-01T00:00:00Z");
		CHECK_STR(c[1].kind, "introduced");
		CHECK_STR(c[1].note, "fair");
	}
	connection_list_free(c, n);
	CHECK_INT(member_connections(db, bob, &c, &n), COPSE_OK);
	CHECK_INT(n, 1);
	connection_list_free(c, n);
	CHECK_INT(member_connections(db, 0, &c, &n), COPSE_OK);
	CHECK_INT(n, 2);
	connection_list_free(c, n);
	connection_list_free(NULL, 0);
	unsetenv("COPSE_NOW");
	db_close(db);
}

TEST(activity_rows_written_by_verbs)
{
	struct db *db = fixture_db("coord");
	struct activity *a = NULL;
	struct member m;
	size_t n = 0;
	int64_t zoe = add(db, "Zoë", "zoe", NULL, NULL, NULL);
	int64_t bob = add(db, "Bob", "bob", NULL, NULL, NULL);

	member_get(db, zoe, &m);
	CHECK_INT(member_update(db, &m), COPSE_OK);
	member_done(&m);
	CHECK_INT(member_link(db, zoe, bob, NULL, NULL, NULL), COPSE_OK);
	CHECK_INT(member_delete(db, bob), COPSE_CONFLICT);   /* history: refused */
	CHECK_INT(db_exec(db, "DELETE FROM connection"), COPSE_OK);
	CHECK_INT(member_delete(db, bob), COPSE_OK);
	CHECK_INT(activity_list(db, NULL, 0, &a, &n), COPSE_OK);
	CHECK_INT(n, 5);
	if (n == 5) {   /* newest first */
		CHECK_STR(a[0].verb, "deleted");
		CHECK_STR(a[0].object, "member");
		CHECK_STR(a[0].summary, "Bob");
		CHECK_STR(a[1].object, "connection");
		CHECK_STR(a[2].verb, "edited");
		CHECK_INT(a[2].object_id, zoe);
		CHECK_STR(a[4].verb, "added");
		CHECK_STR(a[4].summary, "Zoë");
		CHECK_STR(a[4].login, "coord");
	}
	activity_list_free(a, n);
	db_close(db);
}

TEST(free_functions_accept_null)
{
	struct member m;

	member_done(NULL);
	member_list_free(NULL, 0);
	connection_list_free(NULL, 0);
	member_init(&m);
	member_done(&m);
	CHECK(m.name == NULL);
}


/* Many tags, mostly the same few in other cases and with '#' and spaces:
 * one of each, the first spelling, in the order first given. */
TEST(many_tags_are_deduplicated_in_order)
{
	struct db *db = fixture_db("coord");
	struct strv tags;
	char t[64];

	strv_init(&tags);
	for (int i = 0; i < 20000; i++) {
		int k = (i * 7919) % 300;

		if (i % 3 == 0)
			snprintf(t, sizeof t, " #Tag%d ", k);
		else
			snprintf(t, sizeof t, i % 3 == 1 ? "tag%d" : "TAG%d", k);
		strv_push(&tags, t);
	}
	strv_push(&tags, "  ");
	strv_push(&tags, "last");
	CHECK_INT(store_clean_tags(db, &tags, "expertise"), COPSE_OK);
	CHECK_INT(tags.n, 301);
	if (tags.n == 301) {
		int ok = 1;

		/* i = 0, 1, 2, ... give k = 0, 7919 % 300, ... : each k's first i is
		 * below 300 (7919 is prime to 300), so the first 300 tags keep
		 * their first spellings */
		for (int i = 0; i < 300; i++) {
			int k = (i * 7919) % 300;

			snprintf(t, sizeof t, i % 3 == 0 ? "Tag%d" : i % 3 == 1 ? "tag%d" : "TAG%d", k);
			ok &= strcmp(tags.v[i], t) == 0;
		}
		CHECK(ok);
		CHECK_STR(tags.v[300], "last");
	}
	/* é and É are different bytes: both kept, as before */
	strv_done(&tags);
	strv_split(&tags, "café,CAFÉ,Café,b,B", ',');
	CHECK_INT(store_clean_tags(db, &tags, "interest"), COPSE_OK);
	CHECK_INT(tags.n, 3);
	if (tags.n == 3) {
		CHECK_STR(tags.v[0], "café");
		CHECK_STR(tags.v[1], "CAFÉ");
		CHECK_STR(tags.v[2], "b");
	}
	strv_done(&tags);
	db_close(db);
}

int main(void)
{
	harness_init();
	unsetenv("COPSE_NOW");
	RUN(add_and_get_round_trip);
	RUN(defaults_prospect_member_no_joined);
	RUN(sql_metacharacters_round_trip);
	RUN(validation_messages);
	RUN(duplicate_handle_names_the_owner);
	RUN(find_by_id_or_handle);
	RUN(list_filters_and_order);
	RUN(update_version_conflict_and_tags);
	RUN(many_tags_are_deduplicated_in_order);
	RUN(status_changes_are_logged);
	RUN(delete_to_trash_unless_history);
	RUN(connections);
	RUN(activity_rows_written_by_verbs);
	RUN(free_functions_accept_null);
	return harness_done();
}
