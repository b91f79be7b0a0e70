/* health.c - the numbers behind the Health panel: one COUNT query per
 * kind of record. */
#include <stdio.h>
#include <string.h>

#include "copse/health.h"
#include "copse/util.h"
#include "store.h"

static const char *const member_statuses[] = { MEMBER_STATUSES, NULL };
static const char *const entry_kinds[] = { ENTRY_KINDS, NULL };

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
