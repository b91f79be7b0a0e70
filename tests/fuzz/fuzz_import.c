/* fuzz_import.c - the JSON importer (see fuzz.h).
 *
 * The input is an import document.  Promises: exchange_import_json never
 * crashes and either imports or refuses with a one-line message (no
 * newline, nothing left behind: the database is empty again after a
 * refusal); after an import, export --json is valid UTF-8 with no raw
 * control or bidi character, and importing that export gives the same
 * export again.
 */
#include <string.h>

#include "copse/db.h"
#include "copse/exchange.h"
#include "copse/text.h"
#include "copse/util.h"
#include "fuzz.h"
#include "store.h"

static struct db *open_db(void)
{
	struct db *db = NULL;
	char err[256];

	if (db_open(":memory:", DB_CREATE, &db, err, sizeof err) != COPSE_OK)
		fuzz_fail("db_open: %s", err);
	db_set_login(db, "fuzz");
	/* what a new database holds in meta and sqlite_sequence, to put back
	 * after each input */
	if (sqlite3_exec(db->h, "CREATE TEMP TABLE meta0 AS SELECT * FROM meta;"
			 " CREATE TEMP TABLE seq0 AS SELECT * FROM sqlite_sequence", NULL, NULL,
			 NULL) != SQLITE_OK)
		fuzz_fail("meta: %s", sqlite3_errmsg(db->h));
	return db;
}

/* Empty db again, as new (opening a database runs every migration, which
 * takes far longer than an import). */
static void reset_db(struct db *db)
{
	sqlite3_stmt *st;
	struct strv tables;

	strv_init(&tables);
	if (sqlite3_prepare_v2(db->h, "SELECT name FROM sqlite_master WHERE type = 'table'"
			       " AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
			       " AND name NOT IN (SELECT name || suffix FROM sqlite_master,"
			       "  (SELECT '_data' AS suffix UNION ALL SELECT '_idx' UNION ALL"
			       "   SELECT '_content' UNION ALL SELECT '_docsize' UNION ALL"
			       "   SELECT '_config') WHERE sql LIKE 'CREATE VIRTUAL%')",
			       -1, &st, NULL) != SQLITE_OK)
		fuzz_fail("reset: %s", sqlite3_errmsg(db->h));
	while (sqlite3_step(st) == SQLITE_ROW)
		strv_push(&tables, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_exec(db->h, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	for (size_t i = 0; i < tables.n; i++) {
		char sql[160];

		snprintf(sql, sizeof sql, "DELETE FROM \"%s\"", tables.v[i]);
		if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
			fuzz_fail("reset %s: %s", tables.v[i], sqlite3_errmsg(db->h));
	}
	if (sqlite3_exec(db->h, "DELETE FROM sqlite_sequence;"
			 " INSERT INTO sqlite_sequence SELECT * FROM temp.seq0;"
			 " INSERT INTO meta SELECT * FROM temp.meta0;"
			 " PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
		fuzz_fail("reset: %s", sqlite3_errmsg(db->h));
	strv_done(&tables);
	if (!db_is_empty(db))
		fuzz_fail("reset left rows");
}

static void check_export(const struct buf *b)
{
	size_t i = 0;

	while (i < b->len) {
		uint32_t cp;
		int n = text_decode(b->s + i, b->len - i, &cp);

		if (cp == 0xfffd && n == 1)
			fuzz_fail("export: invalid UTF-8 at byte %zu", i);
		if (text_cp_unsafe(cp) && cp != '\n')
			fuzz_fail("export: raw U+%04X at byte %zu", (unsigned)cp, i);
		i += (size_t)n;
	}
}

/* The export without its "exported" time (the one line that differs). */
static char *export_of(struct db *db)
{
	struct buf b;
	char *line, *end;

	buf_init(&b);
	if (exchange_export_json(db, &b) != COPSE_OK)
		fuzz_fail("export failed: %s", db_error(db));
	check_export(&b);
	if ((line = strstr(b.s, "\"exported\": ")) && (end = strchr(line, '\n')))
		memmove(line, end, strlen(end) + 1);
	return buf_steal(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct db *db, *db2;
	int st;

	if (!db) {
		setenv("COPSE_NOW", "2025-03-01T09:00:00Z", 1);
		db = open_db();
		db2 = open_db();
	}
	st = exchange_import_json(db, (const char *)data, size);
	if (st != COPSE_OK) {
		if (strchr(db_error(db), '\n'))
			fuzz_fail("a message of more than one line: %s", db_error(db));
		if (!db_is_empty(db))
			fuzz_fail("a refused import left rows behind: %s", db_error(db));
	} else {
		char *one = export_of(db), *two;

		if (exchange_import_json(db2, one, strlen(one)) != COPSE_OK)
			fuzz_fail("its own export does not import: %s", db_error(db2));
		two = export_of(db2);
		if (strcmp(one, two) != 0)
			fuzz_fail("export -> import -> export differs");
		free(one);
		free(two);
		reset_db(db2);
	}
	reset_db(db);
	return 0;
}
