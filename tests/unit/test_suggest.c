/* test_suggest.c - suggested introductions: one's expertise meets the
 * other's interest, then shared interests; never connected, alumni or
 * dismissed pairs; each with its reason, best first; a recorded link or a
 * dismissal removes one; "who knows about X" lists expertise first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "copse/exchange.h"
#include "copse/member.h"
#include "copse/suggest.h"
#include "copse/tag.h"
#include "copse/trash.h"
#include "copse/util.h"
#include "fixture.h"
#include "harness.h"

static int64_t person(struct db *db, const char *name, const char *status,
		      const char *expertise, const char *interest)
{
	struct member m;
	int64_t id;

	member_init(&m);
	m.name = xstrdup(name);
	m.status = xstrdup(status);
	if (expertise)
		strv_split(&m.expertise, expertise, ',');
	if (interest)
		strv_split(&m.interest, interest, ',');
	if (member_add(db, &m) != COPSE_OK)
		FAILF("member_add %s: %s", name, db_error(db));
	id = m.id;
	member_done(&m);
	return id;
}

struct cast {
	int64_t ana, ben, cy, dot, eli, fin;
};

/* Ana knows mediation; Ben wants Mediation (another case); Cy wants
 * mediation and gardening and knows writing; Dot wants gardening and
 * writing; Eli (alumni) wants mediation; Fin has no tags. */
static void build(struct db *db, struct cast *c)
{
	c->ana = person(db, "Ana", "active", "mediation", NULL);
	c->ben = person(db, "Ben", "active", NULL, "Mediation");
	c->cy = person(db, "Cy", "invited", "writing", "mediation,gardening");
	c->dot = person(db, "Dot", "prospect", NULL, "gardening,writing");
	c->eli = person(db, "Eli", "alumni", NULL, "mediation");
	c->fin = person(db, "Fin", "active", NULL, NULL);
}

/* "a-b" pairs of names, in order, joined by spaces. */
static char *pairs(struct suggestion *v, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s-%s:%d", i ? " " : "", v[i].a_name, v[i].b_name, v[i].score);
	return buf_steal(&b);
}

static char *list(struct db *db, int64_t member, int limit)
{
	struct suggest_filter f = { member, limit, 0 };
	struct suggestion *v = NULL;
	size_t n = 0;
	char *s;

	if (suggest_list(db, &f, &v, &n) != COPSE_OK) {
		FAILF("suggest_list: %s", db_error(db));
		return xstrdup("");
	}
	s = pairs(v, n);
	suggestion_list_free(v, n);
	return s;
}

#define CHECK_LIST(db, member, limit, want) do { \
	char *got_ = list(db, member, limit); \
	CHECK_STR(got_, want); \
	free(got_); \
} while (0)

TEST(expertise_meets_interest_then_shared_interests)
{
	struct db *db = fixture_db("ann");
	struct cast c;

	build(db, &c);
	/* Cy-Dot: Cy knows writing, Dot wants it (2), both like gardening
	 * (1); Ana with Ben and with Cy: mediation (2); Ben-Cy share the
	 * interest (1).  Eli is alumni; Fin has nothing to match. */
	CHECK_LIST(db, 0, 0, "Cy-Dot:3 Ana-Ben:2 Ana-Cy:2 Ben-Cy:1");
	CHECK_LIST(db, 0, 2, "Cy-Dot:3 Ana-Ben:2");
	/* a member's own suggestions */
	CHECK_LIST(db, c.cy, 0, "Cy-Dot:3 Ana-Cy:2 Ben-Cy:1");
	CHECK_LIST(db, c.fin, 0, "");
	CHECK_LIST(db, c.eli, 0, "");
	db_close(db);
}

TEST(each_suggestion_says_why)
{
	struct db *db = fixture_db("ann");
	struct suggest_filter f = { 0, 0, 0 };
	struct suggestion *v = NULL;
	size_t n = 0;
	struct cast c;

	build(db, &c);
	CHECK_INT(suggest_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 4);
	CHECK_STR(v[0].reason, "Cy knows about writing, which interests Dot;"
		  " both are interested in gardening");
	CHECK_STR(v[1].reason, "Ana knows about mediation, which interests Ben");
	CHECK_STR(v[3].reason, "both are interested in Mediation");   /* as Ben spells it */
	CHECK(v[1].a == c.ana && v[1].b == c.ben);
	suggestion_list_free(v, n);
	db_close(db);
}

TEST(a_link_or_a_dismissal_removes_it)
{
	struct db *db = fixture_db("ann");
	struct cast c;

	build(db, &c);
	/* any kind of connection, either way round */
	CHECK_INT(member_link(db, c.ben, c.ana, "works-with", "", NULL), COPSE_OK);
	CHECK_LIST(db, 0, 0, "Cy-Dot:3 Ana-Cy:2 Ben-Cy:1");
	CHECK_INT(suggest_dismiss(db, c.dot, c.cy), COPSE_OK);
	CHECK_LIST(db, 0, 0, "Ana-Cy:2 Ben-Cy:1");
	CHECK_LIST(db, c.dot, 0, "");
	/* dismissing again is no error; dismissing oneself is */
	CHECK_INT(suggest_dismiss(db, c.cy, c.dot), COPSE_OK);
	CHECK_INT(suggest_dismiss(db, c.cy, c.cy), COPSE_INVALID);
	CHECK_INT(suggest_dismiss(db, c.cy, 999), COPSE_NOTFOUND);
	CHECK_INT(count(db, "SELECT count(*) FROM suggestion_dismissed"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM activity WHERE verb = 'dismissed'"), 1);
	/* a dismissed pair goes to the trash with a member, and comes back */
	CHECK_INT(member_delete(db, c.dot), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM suggestion_dismissed"), 0);
	db_close(db);
}

TEST(who_knows_about_x)
{
	struct db *db = fixture_db("ann");
	struct member_filter f = { 0 };
	struct member *v = NULL;
	size_t n = 0;
	struct cast c;

	build(db, &c);
	f.knows = "MEDIAT";
	CHECK_INT(member_list(db, &f, &v, &n), COPSE_OK);
	/* expertise first, then those interested, each by name */
	CHECK_INT(n, 4);
	CHECK_STR(v[0].name, "Ana");
	CHECK_INT(v[0].knows, 2);
	CHECK_STR(v[1].name, "Ben");
	CHECK_INT(v[1].knows, 1);
	CHECK_STR(v[2].name, "Cy");
	CHECK_STR(v[3].name, "Eli");
	member_list_free(v, n);
	f.knows = "#writing";
	CHECK_INT(member_list(db, &f, &v, &n), COPSE_OK);
	CHECK_INT(n, 2);
	CHECK_STR(v[0].name, "Cy");
	CHECK_INT(v[0].knows, 2);
	CHECK_STR(v[1].name, "Dot");
	member_list_free(v, n);
	db_close(db);
}

/* Home's few best pairs are kept between starts (finding them reads
 * every member's tags); whatever changes them, through this handle or
 * another process's, shows at once. */
static void rename_member(struct db *db, int64_t id, const char *status, const char *name,
			  const char *expertise)
{
	struct member m;

	member_init(&m);
	CHECK_INT(member_get(db, id, &m), COPSE_OK);
	if (status) {
		free(m.status);
		m.status = xstrdup(status);
	}
	if (name) {
		free(m.name);
		m.name = xstrdup(name);
	}
	if (expertise)
		strv_push(&m.expertise, expertise);
	CHECK_INT(member_update(db, &m), COPSE_OK);
	member_done(&m);
}

TEST(the_best_pairs_are_kept_and_stay_right)
{
	char dir[] = "/tmp/copse-suggest-XXXXXX";
	char file[64], err[256];
	struct db *db = NULL, *other = NULL;
	struct cast c;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(file, sizeof file, "%s/c.db", dir);
	CHECK_INT(db_open(file, DB_CREATE, &db, err, sizeof err), COPSE_OK);
	CHECK_INT(db_open(file, DB_CREATE, &other, err, sizeof err), COPSE_OK);
	db_set_login(db, "ann");
	db_set_login(other, "bo");
	build(db, &c);
	/* while another process writes, the pairs are found, not kept, and
	 * nothing waits for the lock */
	CHECK_INT(db_begin(other), COPSE_OK);
	{
		time_t t0 = time(NULL);

		CHECK_LIST(db, 0, 3, "Cy-Dot:3 Ana-Ben:2 Ana-Cy:2");
		CHECK(time(NULL) - t0 < 2);
	}
	CHECK_INT(db_commit(other), COPSE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM meta WHERE key = '" SUGGEST_KEPT_KEY "'"), 0);
	CHECK_LIST(db, 0, 3, "Cy-Dot:3 Ana-Ben:2 Ana-Cy:2");
	CHECK_INT(count(db, "SELECT count(*) FROM meta WHERE key = '" SUGGEST_KEPT_KEY "'"), 1);
	CHECK_LIST(db, 0, 2, "Cy-Dot:3 Ana-Ben:2");
	CHECK_LIST(db, 0, 0, "Cy-Dot:3 Ana-Ben:2 Ana-Cy:2 Ben-Cy:1");
	/* a tag: Ben knows gardening, which Cy and Dot want */
	rename_member(other, c.ben, NULL, NULL, "gardening");
	CHECK_LIST(db, 0, 3, "Ben-Cy:3 Cy-Dot:3 Ana-Ben:2");
	/* a connection, a dismissal, a status, a tag renamed */
	CHECK_INT(member_link(other, c.cy, c.dot, "introduced", "", NULL), COPSE_OK);
	CHECK_LIST(db, 0, 3, "Ben-Cy:3 Ana-Ben:2 Ana-Cy:2");
	CHECK_INT(suggest_dismiss(other, c.ana, c.ben), COPSE_OK);
	CHECK_LIST(db, 0, 3, "Ben-Cy:3 Ana-Cy:2 Ben-Dot:2");
	rename_member(other, c.cy, "alumni", NULL, NULL);
	CHECK_LIST(db, 0, 3, "Ben-Dot:2");
	CHECK_INT(tag_rename(other, "writing", "mediation", NULL, NULL), COPSE_OK);
	CHECK_LIST(db, 0, 3, "Ben-Dot:3 Ana-Dot:2");
	/* a member deleted and restored, a name */
	CHECK_INT(member_delete(other, c.ana), COPSE_OK);
	CHECK_LIST(db, 0, 3, "Ben-Dot:3");
	CHECK_INT(trash_restore(other, "member", c.ana), COPSE_OK);
	CHECK_LIST(db, 0, 3, "Ben-Dot:3 Ana-Dot:2");
	rename_member(other, c.ana, NULL, "Zoë", NULL);
	CHECK_LIST(db, 0, 3, "Ben-Dot:3 Zoë-Dot:2");
	CHECK_LIST(other, 0, 3, "Ben-Dot:3 Zoë-Dot:2");
	/* what is kept is derived: an export leaves it out, an import
	 * takes none in */
	{
		struct db *copy = fixture_db("ann");
		struct buf json;

		buf_init(&json);
		CHECK_INT(exchange_export_json(db, &json), COPSE_OK);
		CHECK(json.s && !strstr(json.s, "\"" SUGGEST_KEPT_KEY "\""));
		buf_done(&json);
		buf_init(&json);
		buf_puts(&json, "{\"format\": \"copse\", \"version\": 1, \"meta\":"
			 " {\"name\": \"x\", \"" SUGGEST_KEPT_KEY "\": \"s1 10000 0 1 1 2 9\"}}");
		CHECK_INT(exchange_import_json(copy, json.s, json.len), COPSE_OK);
		CHECK_INT(count(copy, "SELECT count(*) FROM meta WHERE key = '" SUGGEST_KEPT_KEY "'"), 0);
		buf_done(&json);
		db_close(copy);
	}
	db_close(other);
	db_close(db);
	unlink(file);
	rmdir(dir);
}

TEST(pair_ids_round_trip)
{
	int64_t a, b, id = suggest_pair_id(7, 3);

	suggest_pair_split(id, &a, &b);
	CHECK_INT(a, 3);
	CHECK_INT(b, 7);
	CHECK_INT(suggest_pair_id(0, 3), 0);
}

int main(void)
{
	harness_init();
	setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
	setenv("TZ", "UTC", 1);
	RUN(expertise_meets_interest_then_shared_interests);
	RUN(each_suggestion_says_why);
	RUN(a_link_or_a_dismissal_removes_it);
	RUN(who_knows_about_x);
	RUN(the_best_pairs_are_kept_and_stay_right);
	RUN(pair_ids_round_trip);
	return harness_done();
}
