/* assessment.c - recording and reading assessments: scores, value
 * stories, the metrics of the day and every member's level then.  See
 * assessment.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/assessment.h"
#include "copse/health.h"
#include "copse/util.h"
#include "store.h"

static const char *const cycles[] = { ASSESS_CYCLES, NULL };

void assessment_init(struct assessment *a)
{
	memset(a, 0, sizeof *a);
}

void assessment_done(struct assessment *a)
{
	if (!a)
		return;
	free(a->day);
	free(a->stories);
	free(a->summary);
	free(a->author);
	free(a->created);
	for (size_t i = 0; i < a->nvs; i++) {
		free(a->vs[i].cycle);
		free(a->vs[i].body);
	}
	free(a->vs);
	assessment_init(a);
}

int assessment_add_story(struct assessment *a, const char *cycle, const char *body)
{
	struct value_story *s;

	if (store_grow((void **)&a->vs, &a->capvs, a->nvs, sizeof *a->vs) != 0)
		return -1;
	s = &a->vs[a->nvs];
	s->cycle = xstrdup(cycle ? cycle : "");
	s->body = xstrdup(body ? body : "");
	if (!s->cycle || !s->body) {
		free(s->cycle);
		free(s->body);
		s->cycle = s->body = NULL;
		return -1;
	}
	a->nvs++;
	return 0;
}

/* ---- checking ---- */

static int check_score(struct db *db, const char *what, int v)
{
	if (v < ASSESS_SCORE_MIN || v > ASSESS_SCORE_MAX)
		return db_fail(db, COPSE_INVALID, "%s score %d: must be %d to %d", what, v,
			       ASSESS_SCORE_MIN, ASSESS_SCORE_MAX);
	return COPSE_OK;
}

static int assessment_check(struct db *db, struct assessment *a)
{
	int status;

	if ((status = check_score(db, "domain", a->domain)) != COPSE_OK ||
	    (status = check_score(db, "community", a->community)) != COPSE_OK ||
	    (status = check_score(db, "practice", a->practice)) != COPSE_OK)
		return status;
	if (store_set_str(&a->stories, a->stories ? a->stories : "") != 0 ||
	    store_set_str(&a->summary, a->summary ? a->summary : "") != 0 ||
	    store_trim_field(&a->summary, 0) != 0)
		return db_nomem(db);
	if ((status = store_check_md(db, "assessment stories", a->stories)) != COPSE_OK)
		return status;
	for (size_t i = 0; i < a->nvs; i++) {
		struct value_story *s = &a->vs[i];

		if (store_trim_field(&s->cycle, 0) != 0 || store_trim_field(&s->body, 0) != 0)
			return db_nomem(db);
		if ((status = store_check_one_of(db, "story cycle", s->cycle, cycles)) != COPSE_OK)
			return status;
		if (!*s->body)
			return db_fail(db, COPSE_INVALID, "%s story: has no text", s->cycle);
		if ((status = store_check_md(db, "value story", s->body)) != COPSE_OK)
			return status;
	}
	return COPSE_OK;
}

/* ---- writing ---- */

/* Every member's level now, with its explanation, kept under day. */
static int keep_levels(struct db *db, const char *day, const char *at, int window)
{
	struct health_level *v = NULL;
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	int status = health_levels(db, NULL, &v, &n);

	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT OR REPLACE INTO participation(member_id, day,"
				    " level, reason) VALUES (?, ?, ?, ?)", &st);
	for (size_t i = 0; status == COPSE_OK && i < n; i++) {
		char why[256];
		int rc;

		health_explain(&v[i], window, at, why, sizeof why);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, v[i].id);
		store_bind_text(st, 2, day);
		store_bind_text(st, 3, health_level_name(v[i].level));
		store_bind_text(st, 4, why);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			status = db_sqlite_fail(db, rc, "participation");
	}
	sqlite3_finalize(st);
	health_level_list_free(v, n);
	return status;
}

int assessment_add(struct db *db, struct assessment *a)
{
	struct health_report r;
	sqlite3_stmt *st;
	char now[ISO_LEN], day[11], summary[64];
	int status;
	int64_t id = 0;

	if ((status = assessment_check(db, a)) != COPSE_OK)
		return status;
	time_now_iso(now);
	time_local(now, "%Y-%m-%d", day, sizeof day);
	health_report_init(&r);
	if ((status = db_write_begin(db)) != COPSE_OK)
		return status;
	/* the metrics of this moment, in the same transaction */
	status = health_report(db, NULL, &r);
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO assessment(day, domain, community, practice,"
				    " stories, summary, author, metrics, created) VALUES (?1, ?2, ?3,"
				    " ?4, ?5, ?6, ?7, json_object('window', ?8, 'members', ?9,"
				    " 'core', ?10, 'active', ?11, 'peripheral', ?12, 'inactive', ?13,"
				    " 'held', ?14, 'entries', ?15, 'open_actions', ?16, 'overdue', ?17,"
				    " 'waiting', ?18), ?19)", &st);
	if (status == COPSE_OK) {
		const int metrics[] = { r.window, r.members, r.mix[LEVEL_CORE], r.mix[LEVEL_ACTIVE],
					r.mix[LEVEL_PERIPHERAL], r.mix[LEVEL_INACTIVE],
					r.held_window, r.entries, r.open_actions, r.overdue,
					r.nwaiting_total };

		store_bind_text(st, 1, day);
		sqlite3_bind_int(st, 2, a->domain);
		sqlite3_bind_int(st, 3, a->community);
		sqlite3_bind_int(st, 4, a->practice);
		store_bind_text(st, 5, a->stories);
		store_bind_text(st, 6, a->summary);
		store_bind_text(st, 7, db_login(db));
		for (size_t i = 0; i < ARRAY_SIZE(metrics); i++)
			sqlite3_bind_int(st, 8 + (int)i, metrics[i]);
		store_bind_text(st, 19, now);
		if ((status = db_step_done(db, st, "assessment")) == COPSE_OK)
			id = sqlite3_last_insert_rowid(db->h);
	}
	if (status == COPSE_OK)
		status = db_prepare(db, "INSERT INTO value_story(assessment_id, cycle, body)"
				    " VALUES (?, ?, ?)", &st);
	if (status == COPSE_OK) {
		int rc = SQLITE_DONE;

		for (size_t i = 0; i < a->nvs && rc == SQLITE_DONE; i++) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, id);
			store_bind_text(st, 2, a->vs[i].cycle);
			store_bind_text(st, 3, a->vs[i].body);
			rc = sqlite3_step(st);
		}
		status = rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, "value story");
		sqlite3_finalize(st);
	}
	if (status == COPSE_OK)
		status = keep_levels(db, day, now, r.window);
	if (status == COPSE_OK) {
		snprintf(summary, sizeof summary, "domain %d, community %d, practice %d",
			 a->domain, a->community, a->practice);
		status = activity_log(db, "added", "assessment", id, summary);
	}
	status = db_write_end(db, status);
	if (status == COPSE_OK) {
		a->id = id;
		a->m.valid = 1;
		a->m.window = r.window;
		a->m.members = r.members;
		a->m.core = r.mix[LEVEL_CORE];
		a->m.active = r.mix[LEVEL_ACTIVE];
		a->m.peripheral = r.mix[LEVEL_PERIPHERAL];
		a->m.inactive = r.mix[LEVEL_INACTIVE];
		a->m.held = r.held_window;
		a->m.entries = r.entries;
		a->m.open_actions = r.open_actions;
		a->m.overdue = r.overdue;
		a->m.waiting = r.nwaiting_total;
		if (store_set_str(&a->day, day) != 0 || store_set_str(&a->created, now) != 0 ||
		    store_set_str(&a->author, db_login(db)) != 0)
			status = db_nomem(db);
	}
	health_report_done(&r);
	return status;
}

/* ---- reading ---- */

#define METRIC(k) " json_extract(metrics, '$." k "'),"

static int assessment_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct assessment *a = elem;
	int *const m[] = { &a->m.window, &a->m.members, &a->m.core, &a->m.active,
			   &a->m.peripheral, &a->m.inactive, &a->m.held, &a->m.entries,
			   &a->m.open_actions, &a->m.overdue, &a->m.waiting };

	a->id = sqlite3_column_int64(st, 0);
	a->day = store_col_str(st, 1);
	a->domain = sqlite3_column_int(st, 2);
	a->community = sqlite3_column_int(st, 3);
	a->practice = sqlite3_column_int(st, 4);
	a->stories = store_col_str(st, 5);
	a->summary = store_col_str(st, 6);
	a->author = store_col_str(st, 7);
	a->created = store_col_str(st, 8);
	a->m.valid = sqlite3_column_type(st, 9) != SQLITE_NULL;
	for (size_t i = 0; i < ARRAY_SIZE(m); i++)
		*m[i] = sqlite3_column_int(st, 9 + (int)i);
	if (!a->day || !a->stories || !a->summary || !a->author || !a->created)
		return db_nomem(db);
	return COPSE_OK;
}

int assessment_get(struct db *db, int64_t id, struct assessment *out)
{
	sqlite3_stmt *st;
	char missing[64];
	int status, rc;

	assessment_init(out);
	status = db_prepare(db, "SELECT id, day, domain, community, practice, stories, summary,"
			    " author, created," METRIC("window") METRIC("members") METRIC("core")
			    METRIC("active") METRIC("peripheral") METRIC("inactive") METRIC("held")
			    METRIC("entries") METRIC("open_actions") METRIC("overdue")
			    " json_extract(metrics, '$.waiting') FROM assessment WHERE id = ?", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	snprintf(missing, sizeof missing, "assessment %lld: no such assessment", (long long)id);
	status = store_get_row(db, st, assessment_row, out, "assessment", missing);
	if (status == COPSE_OK)
		status = db_prepare(db, "SELECT cycle, body FROM value_story WHERE assessment_id = ?"
				    " ORDER BY id", &st);
	if (status == COPSE_OK) {
		sqlite3_bind_int64(st, 1, id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (assessment_add_story(out, (const char *)sqlite3_column_text(st, 0),
						 (const char *)sqlite3_column_text(st, 1)) != 0) {
				rc = SQLITE_NOMEM;
				break;
			}
		status = rc == SQLITE_DONE ? COPSE_OK
			 : rc == SQLITE_NOMEM ? db_nomem(db) : db_sqlite_fail(db, rc, "value stories");
		sqlite3_finalize(st);
	}
	if (status != COPSE_OK)
		assessment_done(out);
	return status;
}

int assessment_latest(struct db *db, const char *at, int skip, struct assessment *out)
{
	sqlite3_stmt *st;
	int status, rc;
	int64_t id = 0;

	assessment_init(out);
	status = db_prepare(db, "SELECT id FROM assessment WHERE ?1 IS NULL OR created <= ?1"
			    " ORDER BY created DESC, id DESC LIMIT 1 OFFSET ?2", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, at);
	sqlite3_bind_int(st, 2, skip > 0 ? skip : 0);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	status = rc == SQLITE_ROW ? COPSE_OK
		 : rc == SQLITE_DONE ? db_fail(db, COPSE_NOTFOUND, "no assessment yet")
		 : db_sqlite_fail(db, rc, "assessments");
	sqlite3_finalize(st);
	return status == COPSE_OK ? assessment_get(db, id, out) : status;
}
