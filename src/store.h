/* store.h - private to the store modules (db.c, member.c, meeting.c,
 * entry.c, topic.c, activity.c, exchange.c, demo.c).  Nothing outside the
 * store includes this or <sqlite3.h>.
 */
#ifndef COPSE_STORE_H
#define COPSE_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "copse/db.h"
#include "copse/status.h"

struct db {
	sqlite3 *h;
	char *path;
	char login[64];
	char err[512];
	int tx_depth;          /* > 0 inside db_begin; verbs then don't nest */
};

/* Set db->err from a printf format and return status. */
int db_fail(struct db *db, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Map an SQLite result to a status with a message "<what>: <reason>"
 * (what may be NULL).  Returns COPSE_OK for SQLITE_OK/DONE/ROW. */
int db_sqlite_fail(struct db *db, int rc, const char *what);

/* Prepare; on error sets the message and returns the status. */
int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st);
/* Run SQL without results (may be several statements). */
int db_exec(struct db *db, const char *sql);

/* Write transactions for a verb: db_write_begin starts BEGIN IMMEDIATE
 * unless the caller already holds one (db_begin); db_write_end commits
 * (status == OK) or rolls back, and returns status or the commit error. */
int db_write_begin(struct db *db);
int db_write_end(struct db *db, int status);

/* Bind helpers: NULL string binds SQL NULL; id 0 binds NULL. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
int db_bind_id(sqlite3_stmt *st, int i, int64_t id);
/* Column helpers: duplicate text ("" for NULL with col_str, NULL kept
 * with col_strn). NULL return only on ENOMEM for col_str. */
char *col_str(sqlite3_stmt *st, int i);
char *col_strn(sqlite3_stmt *st, int i);

/* Run a one-row statement "SELECT count(*)..." style; returns the integer
 * in *out.  Finalises st. */
int db_step_int(struct db *db, sqlite3_stmt *st, int64_t *out);

/* Validation helpers: value in a NULL-terminated list. */
int db_one_of(const char *v, const char *const *allowed);
/* "a|b|c" for error messages from the same list (static buffer). */
const char *db_list_str(const char *const *allowed);

#endif
