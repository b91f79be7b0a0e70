/* fixture.h - what the store tests share: a fresh in-memory database
 * acting as a given login, and counting rows with one SQL query. */
#ifndef COPSE_FIXTURE_H
#define COPSE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "copse/db.h"
#include "store.h"

/* A new, migrated ":memory:" database whose acting user is login; a
 * failure to open ends the test program (nothing else could run). */
static inline struct db *fixture_db(const char *login)
{
	struct db *db = NULL;
	char err[256];

	if (db_open(":memory:", DB_CREATE, &db, err, sizeof err) != COPSE_OK) {
		printf("# db_open: %s\n", err);
		exit(1);
	}
	db_set_login(db, login);
	return db;
}

/* The integer the query's first row gives, -1 if it fails. */
static inline int64_t count(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (db_prepare(db, sql, &st) != COPSE_OK || db_step_int(db, st, &n) != COPSE_OK)
		return -1;
	return n;
}

#endif
