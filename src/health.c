/* health.c - the numbers behind the Health panel, counted by the store:
 * record counts, participation levels (one SQL statement for one member
 * or all of them), and the report (mix, trends, funnel, meetings,
 * actions, waiting topics, level moves, assessments).  See health.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/assessment.h"
#include "copse/health.h"
#include "copse/util.h"
#include "health-sql.h"
#include "store.h"

static const char *const member_statuses[] = { MEMBER_STATUSES, NULL };
static const char *const entry_kinds[] = { ENTRY_KINDS, NULL };
static const char *const level_names[] = { HEALTH_LEVELS, NULL };

#define STR_(x) #x
#define STR(x) STR_(x)

/* ---- the page cache while counting ---- */

/* The levels look up every member in several indexes, some megabytes
 * of pages: in SQLite's usual 2 MB cache the same pages were read from
 * the file again and again.  Reading widens the connection's cache
 * (pages are taken only as they are read) and gives back the size it
 * had, so that writes behave as before. */
#define WIDE_CACHE_KB 32768

static int64_t cache_widen(struct db *db)
{
	sqlite3_stmt *st;
	int64_t old = 0;

	if (db_prepare(db, "PRAGMA cache_size", &st) != COPSE_OK || db_step_int(db, st, &old) != COPSE_OK)
		return 0;
	if (old < 0 ? -old >= WIDE_CACHE_KB : old == 0)
		return 0;
	db_exec(db, "PRAGMA cache_size = -" STR(WIDE_CACHE_KB));
	return old;
}

static void cache_restore(struct db *db, int64_t old)
{
	char sql[64];

	if (old == 0)
		return;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)old);
	db_exec(db, sql);
}

/* ---- counts ---- */

/* sql gives rows (value, count); add each count to total and to
 * by[i] where value is list[i]. */
static int count_by(struct db *db, const char *sql, const char *const *list, int *total,
		    int *by, const char *what)
{
	sqlite3_stmt *st;
	int status, rc;

	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(st, 0);
		int n = sqlite3_column_int(st, 1);

		*total += n;
		for (int i = 0; v && list[i]; i++)
			if (strcmp((const char *)v, list[i]) == 0)
				by[i] += n;
	}
	status = rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	return status;
}

/* sql, with ?1 bound to arg (may be NULL), gives one row of counts, read
 * into out[0..n-1]. */
static int count_row(struct db *db, const char *sql, const char *arg, int *const out[], int n,
		     const char *what)
{
	sqlite3_stmt *st;
	int status, rc;

	if ((status = db_prepare(db, sql, &st)) != COPSE_OK)
		return status;
	store_bind_text(st, 1, arg);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < n; i++)
			*out[i] = sqlite3_column_int(st, i);
	status = rc == SQLITE_ROW ? COPSE_OK : db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	return status;
}

int health_count(struct db *db, struct health_counts *c)
{
	char now[ISO_LEN], today[11];
	int status;

	memset(c, 0, sizeof *c);
	time_now_iso(now);
	snprintf(today, sizeof today, "%.10s", now);
	status = count_by(db, "SELECT status, count(*) FROM member GROUP BY status",
			  member_statuses, &c->members, c->by_status, "members");
	if (status == COPSE_OK)
		status = count_row(db, "SELECT coalesce(sum(starts >= ?1), 0),"
				   " coalesce(sum(starts < ?1), 0),"
				   " coalesce(sum(starts < ?1 AND status = 'held'), 0)"
				   " FROM meeting", now,
				   (int *const[]){ &c->upcoming, &c->past, &c->held }, 3,
				   "meetings");
	if (status == COPSE_OK)
		status = count_by(db, "SELECT kind, count(*) FROM entry"
				  " WHERE status <> 'retired' GROUP BY kind",
				  entry_kinds, &c->entries, c->by_kind, "entries");
	if (status == COPSE_OK)
		status = count_row(db, "SELECT count(*), coalesce(sum(status = 'open'), 0),"
				   " coalesce(sum(NOT EXISTS (SELECT 1 FROM topic_vote v"
				   "   WHERE v.topic_id = t.id)), 0)"
				   " FROM topic t", NULL,
				   (int *const[]){ &c->topics, &c->open_topics, &c->unvoted }, 3,
				   "topics");
	if (status == COPSE_OK)
		status = count_row(db, "SELECT count(*),"
				   " coalesce(sum(due IS NOT NULL AND due <> ''"
				   "   AND substr(due, 1, 10) < ?1), 0)"
				   " FROM action WHERE done IS NULL", today,
				   (int *const[]){ &c->open_actions, &c->overdue }, 2,
				   "actions");
	return status;
}

/* ---- the window and the moments it is measured from ---- */

const char *health_level_name(int level)
{
	return level >= 0 && level < LEVEL_COUNT ? level_names[level] : "-";
}

int health_level_of(const char *name)
{
	for (int i = 0; name && i < LEVEL_COUNT; i++)
		if (strcmp(name, level_names[i]) == 0)
			return i;
	return LEVEL_NONE;
}

int health_window(struct db *db)
{
	char *v = NULL, *end;
	long days;

	if (db_meta_get(db, HEALTH_WINDOW_KEY, &v) != COPSE_OK)
		return HEALTH_WINDOW_DEFAULT;
	days = strtol(v, &end, 10);
	if (end == v || *end || days < HEALTH_WINDOW_MIN || days > HEALTH_WINDOW_MAX)
		days = HEALTH_WINDOW_DEFAULT;
	free(v);
	return (int)days;
}

int health_set_window(struct db *db, int days)
{
	char v[16];

	if (days < HEALTH_WINDOW_MIN || days > HEALTH_WINDOW_MAX)
		return db_fail(db, COPSE_INVALID, "participation window %d: must be %d to %d days",
			       days, HEALTH_WINDOW_MIN, HEALTH_WINDOW_MAX);
	snprintf(v, sizeof v, "%d", days);
	return db_meta_set(db, HEALTH_WINDOW_KEY, v);
}

/* The moments a level is computed from: `at`, the start of the window,
 * a year and a month before `at`. */
struct moments {
	char at[ISO_LEN], window[ISO_LEN], year[ISO_LEN], month[ISO_LEN];
	time_t t;
	int days;
};

static int moments_init(struct db *db, const char *at, int days, struct moments *mo)
{
	time_t t;

	if (!at) {
		t = copse_now();
	} else if (time_parse(at, &t) != 0) {
		return db_fail(db, COPSE_INVALID, "'%s': not a date and time", at);
	}
	mo->t = t;
	mo->days = days;
	time_iso(t, mo->at);
	time_iso(t - (time_t)days * 86400, mo->window);
	time_iso(t - (time_t)HEALTH_YEAR_DAYS * 86400, mo->year);
	time_iso(t - (time_t)HEALTH_MONTH_DAYS * 86400, mo->month);
	return COPSE_OK;
}

/* Bind the moments to :atP, :wP, :yP, :mP (P: "" or a suffix). */
static void moments_bind(sqlite3_stmt *st, const struct moments *mo, const char *p)
{
	static const char *const names[] = { ":at", ":w", ":y", ":m" };
	const char *v[] = { mo->at, mo->window, mo->year, mo->month };
	char name[16];

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		int idx;

		snprintf(name, sizeof name, "%s%s", names[i], p);
		if ((idx = sqlite3_bind_parameter_index(st, name)) > 0)
			store_bind_text(st, idx, v[i]);
	}
}

/* ---- levels (the statement: health-sql.h) ---- */

int store_bind_levels(struct db *db, sqlite3_stmt *st, const char *at, const char *suffix)
{
	struct moments mo;
	int status = moments_init(db, at, health_window(db), &mo);

	if (status == COPSE_OK)
		moments_bind(st, &mo, suffix);
	return status;
}

int store_bind_levels_at(struct db *db, sqlite3_stmt *st, const char *at, int first)
{
	struct moments mo;
	int status = moments_init(db, at, health_window(db), &mo);

	if (status == COPSE_OK) {
		store_bind_text(st, first, mo.at);
		store_bind_text(st, first + 1, mo.window);
		store_bind_text(st, first + 2, mo.year);
	}
	return status;
}

void health_level_init(struct health_level *l)
{
	memset(l, 0, sizeof *l);
	l->level = LEVEL_NONE;
}

void health_level_done(struct health_level *l)
{
	if (!l)
		return;
	free(l->name);
	free(l->handle);
	free(l->status);
	free(l->role);
	free(l->last_attended);
	free(l->last_note);
	free(l->last_entry);
	free(l->last_topic);
	free(l->last_intro);
	free(l->last_read);
	health_level_init(l);
}

STORE_DONE_ELEM(health_level)

void health_level_list_free(struct health_level *v, size_t n)
{
	store_list_free(v, n, sizeof *v, health_level_done_elem);
}

/* The columns of health_levels' statement, in order. */
static int level_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct health_level *l = elem;

	health_level_init(l);
	l->id = sqlite3_column_int64(st, 0);
	l->name = store_col_str(st, 1);
	l->handle = store_col_strn(st, 2);
	l->status = store_col_str(st, 3);
	l->role = store_col_str(st, 4);
	l->held = sqlite3_column_int(st, 5);
	l->attended = sqlite3_column_int(st, 6);
	l->last_attended = store_col_strn(st, 7);
	l->notes = sqlite3_column_int(st, 8);
	l->last_note = store_col_strn(st, 9);
	l->entries = sqlite3_column_int(st, 10);
	l->last_entry = store_col_strn(st, 11);
	l->topics = sqlite3_column_int(st, 12);
	l->last_topic = store_col_strn(st, 13);
	l->intros = sqlite3_column_int(st, 14);
	l->last_intro = store_col_strn(st, 15);
	l->reads = sqlite3_column_int(st, 16);
	l->reads_month = sqlite3_column_int(st, 17);
	l->last_read = store_col_strn(st, 18);
	l->level = sqlite3_column_int(st, 19);
	if (!l->name || !l->status || !l->role)
		return db_nomem(db);
	return COPSE_OK;
}

int health_levels(struct db *db, const struct health_level_filter *f,
		  struct health_level **out, size_t *n)
{
	static const struct health_level_filter all = { NULL, 0, LEVEL_NONE, 0, 0 };
	sqlite3_stmt *st;
	int64_t cache;
	int status;

	*out = NULL;
	*n = 0;
	if (!f)
		f = &all;
	/* the levels of all, then what they rest on for the rows kept */
	status = db_prepare(db, "SELECT m.id, m.name, m.handle, m.status, m.role, "
			    LEVEL_DETAILS("") ", m.level FROM ("
			    " SELECT * FROM (SELECT l.*, row_number() OVER (PARTITION BY l.level"
			    "  ORDER BY l.name COLLATE FOLD, l.id) AS rn"
			    "  FROM (" LEVELED("", ":id = 0 OR m.id = :id") ") l)"
			    " WHERE (:level < 0 OR level = :level) AND (:per <= 0 OR rn <= :per)"
			    " ORDER BY level, name COLLATE FOLD, id LIMIT :limit) m"
			    " ORDER BY m.level, m.name COLLATE FOLD, m.id", &st);
	if (status != COPSE_OK)
		return status;
	if ((status = store_bind_levels(db, st, f->at, "")) != COPSE_OK) {
		sqlite3_finalize(st);
		return status;
	}
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), f->member_id);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":level"), f->level);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":per"), f->per_level);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"),
			 f->limit > 0 ? f->limit : -1);
	cache = f->member_id ? 0 : cache_widen(db);
	status = store_collect(db, st, sizeof **out, level_row, health_level_done_elem,
			       "participation levels", (void **)out, n);
	cache_restore(db, cache);
	return status;
}

int health_mix(struct db *db, const char *at, int mix[LEVEL_COUNT])
{
	sqlite3_stmt *st;
	int status, rc;

	memset(mix, 0, LEVEL_COUNT * sizeof *mix);
	status = db_prepare(db, "SELECT level, count(*) FROM (" LEVELED("", "1") ")"
			    " GROUP BY level", &st);
	if (status != COPSE_OK)
		return status;
	if ((status = store_bind_levels(db, st, at, "")) != COPSE_OK) {
		sqlite3_finalize(st);
		return status;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int lv = sqlite3_column_int(st, 0);

		if (lv >= 0 && lv < LEVEL_COUNT)
			mix[lv] = sqlite3_column_int(st, 1);
	}
	status = rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, "participation levels");
	sqlite3_finalize(st);
	return status;
}

static int past_row(struct db *db, sqlite3_stmt *st, void *elem)
{
	struct health_past *p = elem;
	const char *day = (const char *)sqlite3_column_text(st, 0);

	snprintf(p->day, sizeof p->day, "%s", day ? day : "");
	p->level = health_level_of((const char *)sqlite3_column_text(st, 1));
	return (p->reason = store_col_str(st, 2)) ? COPSE_OK : db_nomem(db);
}

static void past_done(void *elem)
{
	free(((struct health_past *)elem)->reason);
}

void health_past_list_free(struct health_past *v, size_t n)
{
	store_list_free(v, n, sizeof *v, past_done);
}

int health_level_history(struct db *db, int64_t member_id, struct health_past **out,
			 size_t *n)
{
	sqlite3_stmt *st;
	int status;

	*out = NULL;
	*n = 0;
	status = db_prepare(db, "SELECT day, level, reason FROM participation"
			    " WHERE member_id = ? ORDER BY day DESC", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int64(st, 1, member_id);
	return store_collect(db, st, sizeof **out, past_row, past_done, "participation",
			     (void **)out, n);
}

/* ---- the report ---- */

void health_report_init(struct health_report *r)
{
	memset(r, 0, sizeof *r);
	assessment_init(&r->last);
	assessment_init(&r->previous);
}

void health_report_done(struct health_report *r)
{
	if (!r)
		return;
	free(r->next_title);
	free(r->next_starts);
	health_topic_list_free(r->waiting, r->nwaiting);
	for (size_t i = 0; i < r->nmoves; i++)
		free(r->moves[i].name);
	free(r->moves);
	assessment_done(&r->last);
	assessment_done(&r->previous);
	health_report_init(r);
}

/* Prepare sql and bind the moments (suffix ""). */
static int prepare_at(struct db *db, const char *sql, const struct moments *mo,
		      sqlite3_stmt **st)
{
	int status = db_prepare(db, sql, st);

	if (status == COPSE_OK)
		moments_bind(*st, mo, "");
	return status;
}

/* Step a statement that gives one row of n integers into out[]. */
static int one_row(struct db *db, sqlite3_stmt *st, int *const out[], int n, const char *what)
{
	int rc = sqlite3_step(st), status = COPSE_OK;

	if (rc == SQLITE_ROW)
		for (int i = 0; i < n; i++)
			*out[i] = sqlite3_column_int(st, i);
	else if (rc != SQLITE_DONE)
		status = db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	return status;
}

/* Whole days from iso to the moment t (0 when iso cannot be read). */
static int days_before(const char *iso, time_t t)
{
	time_t x;

	if (!iso || time_parse(iso, &x) != 0 || x > t)
		return 0;
	return (int)((t - x) / 86400);
}

/* Attendance at the last HEALTH_SPARK meetings held by `at`, oldest first. */
static int report_attendance(struct db *db, const struct moments *mo, struct health_report *r)
{
	sqlite3_stmt *st;
	int status, rc, n = 0;

	status = prepare_at(db, "SELECT mt.starts, (SELECT count(*) FROM attendance a"
			    "  WHERE a.meeting_id = mt.id AND a.status = 'attended')"
			    " FROM meeting mt WHERE mt.starts <= :at AND " HELD
			    " ORDER BY mt.starts DESC, mt.id DESC LIMIT " STR(HEALTH_SPARK),
			    mo, &st);
	if (status != COPSE_OK)
		return status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < HEALTH_SPARK) {
		const char *day = (const char *)sqlite3_column_text(st, 0);

		snprintf(r->meet_day[n], sizeof r->meet_day[n], "%.10s", day ? day : "");
		r->attend[n++] = sqlite3_column_int(st, 1);
	}
	status = rc == SQLITE_DONE || rc == SQLITE_ROW ? COPSE_OK
		 : db_sqlite_fail(db, rc, "attendance");
	sqlite3_finalize(st);
	r->nmeet = n;
	/* oldest first */
	for (int i = 0; i < n / 2; i++) {
		int t = r->attend[i];
		char d[11];

		r->attend[i] = r->attend[n - 1 - i];
		r->attend[n - 1 - i] = t;
		memcpy(d, r->meet_day[i], sizeof d);
		memcpy(r->meet_day[i], r->meet_day[n - 1 - i], sizeof d);
		memcpy(r->meet_day[n - 1 - i], d, sizeof d);
	}
	return status;
}

/* sql gives rows (month "YYYY-MM", count) from :from to :at: each count
 * into out[] under its month of r->month. */
static int per_month(struct db *db, const char *sql, const struct moments *mo,
		     const char *from, const struct health_report *r, int *out, const char *what)
{
	sqlite3_stmt *st;
	int status, rc;

	if ((status = prepare_at(db, sql, mo, &st)) != COPSE_OK)
		return status;
	store_bind_text(st, sqlite3_bind_parameter_index(st, ":from"), from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(st, 0);

		for (int i = 0; m && i < HEALTH_SPARK; i++)
			if (strcmp(r->month[i], m) == 0)
				out[i] = sqlite3_column_int(st, 1);
	}
	status = rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, what);
	sqlite3_finalize(st);
	return status;
}

/* Per calendar month (UTC), the last HEALTH_SPARK of them: members who
 * attended or contributed, and entries written. */
static int report_months(struct db *db, const struct moments *mo, struct health_report *r)
{
	struct tm tm;
	char from[ISO_LEN];
	int status, y, mon;

	gmtime_r(&mo->t, &tm);
	y = (tm.tm_year + 1900) % 10000;
	mon = tm.tm_mon % 12 + 1 - (HEALTH_SPARK - 1);
	while (mon < 1) {
		mon += 12;
		y--;
	}
	snprintf(from, sizeof from, "%04u-%02u-01T00:00:00Z", (unsigned)y % 10000u,
		 (unsigned)mon % 100u);
	for (int i = 0; i < HEALTH_SPARK; i++) {
		snprintf(r->month[i], sizeof r->month[i], "%04u-%02u", (unsigned)y % 10000u,
			 (unsigned)mon % 100u);
		if (++mon > 12) {
			mon = 1;
			y++;
		}
	}
	/* a contribution counts for the member whose handle wrote it */
	status = per_month(db, "SELECT substr(t, 1, 7), count(DISTINCT id) FROM ("
			   " SELECT a.member_id AS id, mt.starts AS t FROM meeting mt"
			   "  JOIN attendance a ON a.meeting_id = mt.id"
			   "  WHERE mt.starts >= :from AND mt.starts <= :at AND a.status = 'attended'"
			   " UNION ALL SELECT m.id, x.created FROM note x JOIN member m"
			   "  ON m.handle = x.author WHERE x.created >= :from AND x.created <= :at"
			   " UNION ALL SELECT m.id, x.created FROM entry x JOIN member m"
			   "  ON m.handle = x.author WHERE x.created >= :from AND x.created <= :at"
			   " UNION ALL SELECT m.id, x.created FROM topic x JOIN member m"
			   "  ON m.handle = x.author WHERE x.created >= :from AND x.created <= :at"
			   " UNION ALL SELECT m.id, x.at FROM connection x JOIN member m"
			   "  ON m.handle = x.by WHERE x.at >= :from AND x.at <= :at"
			   ") GROUP BY 1", mo, from, r, r->active_month, "active members");
	if (status == COPSE_OK)
		status = per_month(db, "SELECT substr(created, 1, 7), count(*) FROM entry"
				   " WHERE created >= :from AND created <= :at GROUP BY 1",
				   mo, from, r, r->entries_month, "new entries");
	return status;
}

/* The funnel from the member status log: the first time each member
 * reached each stage, by `at`. */
static int report_funnel(struct db *db, const struct moments *mo, struct health_report *r)
{
	sqlite3_stmt *st;
	int status, rc;

	status = prepare_at(db, "SELECT count(f1), count(f2), count(f3), count(f4),"
			    " coalesce(sum(f1 > :w), 0), coalesce(sum(f2 > :w), 0),"
			    " coalesce(sum(f3 > :w), 0), coalesce(sum(f4 > :w), 0) FROM ("
			    " SELECT min(CASE WHEN r >= 1 THEN at END) AS f1,"
			    "  min(CASE WHEN r >= 2 THEN at END) AS f2,"
			    "  min(CASE WHEN r >= 3 THEN at END) AS f3,"
			    "  min(CASE WHEN r >= 4 THEN at END) AS f4"
			    " FROM (SELECT member_id, at, CASE status WHEN 'prospect' THEN 1"
			    "  WHEN 'invited' THEN 2 WHEN 'active' THEN 3 WHEN 'alumni' THEN 4"
			    "  ELSE 0 END AS r FROM member_status_log WHERE at <= :at)"
			    " GROUP BY member_id)", mo, &st);
	if (status != COPSE_OK)
		return status;
	status = one_row(db, st, (int *const[]){ &r->reached[0], &r->reached[1], &r->reached[2],
			 &r->reached[3], &r->reached_window[0], &r->reached_window[1],
			 &r->reached_window[2], &r->reached_window[3] }, 8, "status log");
	if (status != COPSE_OK)
		return status;
	/* where they are: today, each member's status; another day, the
	 * status the log gives for it */
	status = prepare_at(db, r->now ? "SELECT status, count(*) FROM member GROUP BY status"
			    : "SELECT st, count(*) FROM (SELECT " STATUS_AT("")
			    " AS st FROM member m) WHERE st IS NOT NULL GROUP BY st", mo, &st);
	if (status != COPSE_OK)
		return status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);

		for (int i = 0; s && member_statuses[i]; i++)
			if (strcmp(s, member_statuses[i]) == 0)
				r->at_stage[i] = sqlite3_column_int(st, 1);
	}
	status = rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, "status log");
	sqlite3_finalize(st);
	return status;
}

/* Meeting rhythm, actions open at `at`, the repertoire's size. */
static int report_meetings(struct db *db, const struct moments *mo, struct health_report *r)
{
	sqlite3_stmt *st;
	char first[ISO_LEN] = "", last[ISO_LEN] = "", day[11];
	int status, rc;

	status = prepare_at(db, "SELECT count(*), min(mt.starts), max(mt.starts) FROM meeting mt"
			    " WHERE mt.starts > :w AND mt.starts <= :at AND " HELD, mo, &st);
	if (status != COPSE_OK)
		return status;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->held_window = sqlite3_column_int(st, 0);
		if (sqlite3_column_text(st, 1))
			snprintf(first, sizeof first, "%s", sqlite3_column_text(st, 1));
		if (sqlite3_column_text(st, 2))
			snprintf(last, sizeof last, "%s", sqlite3_column_text(st, 2));
	}
	status = rc == SQLITE_ROW ? COPSE_OK : db_sqlite_fail(db, rc, "meetings");
	sqlite3_finalize(st);
	if (status != COPSE_OK)
		return status;
	r->gap_days = -1;
	if (r->held_window > 1) {
		time_t a, b;

		if (time_parse(first, &a) == 0 && time_parse(last, &b) == 0)
			r->gap_days = (int)((b - a) / 86400 / (r->held_window - 1));
	}
	r->last_days = -1;
	status = prepare_at(db, "SELECT mt.starts FROM meeting mt WHERE mt.starts <= :at AND "
			    HELD " ORDER BY mt.starts DESC LIMIT 1", mo, &st);
	if (status != COPSE_OK)
		return status;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		r->last_days = days_before((const char *)sqlite3_column_text(st, 0), mo->t);
	status = rc == SQLITE_ROW || rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, "meetings");
	sqlite3_finalize(st);
	if (status != COPSE_OK)
		return status;
	status = prepare_at(db, "SELECT id, title, starts FROM meeting WHERE starts > :at"
			    " AND status = 'planned' ORDER BY starts, id LIMIT 1", mo, &st);
	if (status != COPSE_OK)
		return status;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->next_id = sqlite3_column_int64(st, 0);
		r->next_title = store_col_str(st, 1);
		r->next_starts = store_col_str(st, 2);
		if (!r->next_title || !r->next_starts)
			rc = SQLITE_NOMEM;
	}
	status = rc == SQLITE_ROW || rc == SQLITE_DONE ? COPSE_OK : db_sqlite_fail(db, rc, "meetings");
	sqlite3_finalize(st);
	if (status != COPSE_OK)
		return status;
	/* actions: open at `at` (made by then, not done by then) */
	snprintf(day, sizeof day, "%.10s", mo->at);
	status = prepare_at(db, "SELECT count(*), coalesce(sum(due IS NOT NULL AND due <> ''"
			    "  AND substr(due, 1, 10) < :day), 0)"
			    " FROM action WHERE created <= :at AND (done IS NULL OR done > :at)",
			    mo, &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, sqlite3_bind_parameter_index(st, ":day"), day);
	status = one_row(db, st, (int *const[]){ &r->open_actions, &r->overdue }, 2, "actions");
	if (status != COPSE_OK)
		return status;
	/* all entries by then less the retired ones: all entries counted
	 * whole (an index's size, never every entry's body), less those
	 * written after and those retired (ranges of two indexes) */
	status = prepare_at(db, "SELECT (SELECT count(*) FROM entry)"
			    " - (SELECT count(*) FROM entry WHERE created > :at)"
			    " - (SELECT count(*) FROM entry INDEXED BY entry_retired"
			    " WHERE status = 'retired' AND created <= :at)", mo, &st);
	if (status != COPSE_OK)
		return status;
	return one_row(db, st, (int *const[]){ &r->entries }, 1, "entries");
}

int health_waiting(struct db *db, const char *at, int max, struct health_topic **out,
		   size_t *n, int *total)
{
	struct moments mo;
	sqlite3_stmt *st;
	char before[ISO_LEN];
	size_t cap = 0;
	int status, rc;

	*out = NULL;
	*n = 0;
	*total = 0;
	if ((status = moments_init(db, at, HEALTH_WINDOW_DEFAULT, &mo)) != COPSE_OK)
		return status;
	time_iso(mo.t - (time_t)HEALTH_WAIT_DAYS * 86400, before);
	status = db_prepare(db, "SELECT t.id, t.title, t.created,"
			    " (SELECT count(*) FROM topic_vote v WHERE v.topic_id = t.id) AS votes,"
			    " count(*) OVER () FROM topic t"
			    " WHERE t.status IN ('open', 'exploring') AND t.created <= ?1"
			    " AND NOT EXISTS (SELECT 1 FROM topic_meeting x WHERE x.topic_id = t.id)"
			    " AND NOT EXISTS (SELECT 1 FROM topic_entry x WHERE x.topic_id = t.id)"
			    " ORDER BY votes DESC, t.created, t.id LIMIT ?2", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, before);
	sqlite3_bind_int(st, 2, max > 0 ? max : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct health_topic *t;

		if (store_grow((void **)out, &cap, *n, sizeof **out) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		t = &(*out)[*n];
		t->id = sqlite3_column_int64(st, 0);
		if (!(t->title = store_col_str(st, 1))) {
			rc = SQLITE_NOMEM;
			break;
		}
		t->days = days_before((const char *)sqlite3_column_text(st, 2), mo.t);
		t->votes = sqlite3_column_int(st, 3);
		*total = sqlite3_column_int(st, 4);
		(*n)++;
	}
	status = rc == SQLITE_DONE ? COPSE_OK
		 : rc == SQLITE_NOMEM ? db_nomem(db) : db_sqlite_fail(db, rc, "topics");
	sqlite3_finalize(st);
	if (status != COPSE_OK) {
		health_topic_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
}

void health_topic_list_free(struct health_topic *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].title);
	free(v);
}

/* The mix at `at`, and the members whose level then differs from their
 * level at `then`: one statement, each member's two levels computed once. */
static int report_levels(struct db *db, const struct moments *then, const struct moments *mo,
			 int max, struct health_report *r)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int status, rc;

	status = db_prepare(db, "WITH s AS MATERIALIZED (SELECT m.id, m.name, m.handle, m.role,"
			    "  " STATUS_AT("1") " AS st1, " STATUS_AT("2") " AS st2 FROM member m),"
			    " lv AS MATERIALIZED (SELECT m.id, m.name,"
			    "  " LEVEL_OR_NONE("1", "m.st1") " AS was,"
			    "  " LEVEL_OR_NONE("2", "m.st2") " AS now FROM s m),"
			    " mix AS (SELECT coalesce(sum(now = 0), 0), coalesce(sum(now = 1), 0),"
			    "  coalesce(sum(now = 2), 0), coalesce(sum(now = 3), 0),"
			    "  coalesce(sum(was <> now), 0) FROM lv)"
			    " SELECT mix.*, mv.id, mv.name, mv.was, mv.now FROM mix LEFT JOIN"
			    " (SELECT * FROM lv WHERE was <> now ORDER BY (now < 0), now, was,"
			    "  name COLLATE FOLD, id LIMIT :lim) mv ON 1", &st);
	if (status != COPSE_OK)
		return status;
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":lim"), max > 0 ? max : -1);
	moments_bind(st, then, "1");
	moments_bind(st, mo, "2");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct health_move *m;

		r->members = 0;
		for (int i = 0; i < LEVEL_COUNT; i++)
			r->members += r->mix[i] = sqlite3_column_int(st, i);
		r->moved_total = sqlite3_column_int(st, LEVEL_COUNT);
		if (sqlite3_column_type(st, LEVEL_COUNT + 1) == SQLITE_NULL)
			continue;
		if (store_grow((void **)&r->moves, &cap, r->nmoves, sizeof *r->moves) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		m = &r->moves[r->nmoves];
		m->id = sqlite3_column_int64(st, LEVEL_COUNT + 1);
		if (!(m->name = store_col_str(st, LEVEL_COUNT + 2))) {
			rc = SQLITE_NOMEM;
			break;
		}
		m->from = sqlite3_column_int(st, LEVEL_COUNT + 3);
		m->to = sqlite3_column_int(st, LEVEL_COUNT + 4);
		r->nmoves++;
	}
	status = rc == SQLITE_DONE ? COPSE_OK
		 : rc == SQLITE_NOMEM ? db_nomem(db) : db_sqlite_fail(db, rc, "participation levels");
	sqlite3_finalize(st);
	return status;
}

int health_report(struct db *db, const char *at, struct health_report *r)
{
	return health_report_moves(db, at, HEALTH_LIST_MAX, r);
}

int health_report_moves(struct db *db, const char *at, int max_moves, struct health_report *r)
{
	struct moments mo, then;
	int64_t cache;
	int status, own_tx = 0;

	health_report_init(r);
	r->window = health_window(db);
	if ((status = moments_init(db, at, r->window, &mo)) != COPSE_OK)
		return status;
	memcpy(r->at, mo.at, sizeof r->at);
	r->now = !at;
	/* one snapshot: every part counts the same data */
	if (db->tx_depth == 0 && sqlite3_get_autocommit(db->h)) {
		if ((status = db_exec(db, "BEGIN")) != COPSE_OK)
			return status;
		own_tx = 1;
	}
	cache = cache_widen(db);
	status = report_attendance(db, &mo, r);
	if (status == COPSE_OK)
		status = report_months(db, &mo, r);
	if (status == COPSE_OK)
		status = report_funnel(db, &mo, r);
	if (status == COPSE_OK)
		status = report_meetings(db, &mo, r);
	if (status == COPSE_OK)
		status = health_waiting(db, mo.at, HEALTH_LIST_MAX, &r->waiting, &r->nwaiting,
					&r->nwaiting_total);
	/* the last two assessments recorded by `at` */
	if (status == COPSE_OK &&
	    (status = assessment_latest(db, mo.at, 0, &r->last)) == COPSE_NOTFOUND)
		status = COPSE_OK;
	else if (status == COPSE_OK &&
		 (status = assessment_latest(db, mo.at, 1, &r->previous)) == COPSE_NOTFOUND)
		status = COPSE_OK;
	/* moves: since the last assessment, else since the window began */
	if (status == COPSE_OK) {
		if (r->last.id) {
			snprintf(r->since, sizeof r->since, "%s", r->last.day);
			status = moments_init(db, r->last.created, r->window, &then);
		} else {
			status = moments_init(db, mo.window, r->window, &then);
		}
	}
	if (status == COPSE_OK)
		status = report_levels(db, &then, &mo, max_moves, r);
	cache_restore(db, cache);
	if (own_tx)
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	return status;
}

/* ---- since I last looked ---- */

int health_new_entries(struct db *db, int max, char **last_looked, int *count,
		       struct strv *titles)
{
	sqlite3_stmt *st;
	char since[ISO_LEN];
	int status, rc;

	*count = 0;
	if ((status = visit_last(db, last_looked)) != COPSE_OK)
		return status;
	if (*last_looked)
		snprintf(since, sizeof since, "%s", *last_looked);
	else
		time_iso(copse_now() - 7 * 86400, since);
	status = db_prepare(db, "SELECT title, count(*) OVER () FROM entry"
			    " WHERE created > ?1 AND status <> 'draft'"
			    " ORDER BY created DESC, id DESC LIMIT ?2", &st);
	if (status != COPSE_OK)
		return status;
	store_bind_text(st, 1, since);
	sqlite3_bind_int(st, 2, max > 0 ? max : 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*count = sqlite3_column_int(st, 1);
		if (max > 0 && strv_push(titles, (const char *)sqlite3_column_text(st, 0)) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	status = rc == SQLITE_DONE ? COPSE_OK
		 : rc == SQLITE_NOMEM ? db_nomem(db) : db_sqlite_fail(db, rc, "entries");
	sqlite3_finalize(st);
	return status;
}
