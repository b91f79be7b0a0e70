/* health-sql.h - private to the store: the SQL that computes
 * participation levels (health.h says what counts), shared by health.c
 * (levels, the mix, the moves) and member.c (the level beside each
 * member in a list).
 *
 * The moment is given by parameters with a suffix P ("" or "1", "2"), so
 * that two moments fit in one statement: :atP (the moment), :wP (the
 * window's start), :yP (a year before), :mP (a month before);
 * store_bind_levels binds them.  Times compare as stored ISO text.
 *
 * The rule is written once, LEVEL_OF, as tests that stop at the first
 * that holds, each an index look-up for the member; LEVEL_DETAILS counts
 * what the rule rests on, for the explanation of the rows shown.
 */
#ifndef COPSE_HEALTH_SQL_H
#define COPSE_HEALTH_SQL_H

#include "store.h"

/* The macros take the parameters by name: AT (the moment), W (the
 * window's start), Y (a year before), MO (a month before), as SQL
 * parameter names (":at", or "?11" where a statement numbers its own);
 * the forms ending in P take a suffix instead (":atP" ...). */

/* A member m's status at AT: the last change logged by then; a member
 * with no log at all (made outside copse) has today's status from when
 * they were added. */
#define STATUS_AT_(AT) \
	"coalesce((SELECT l.status FROM member_status_log l WHERE l.member_id = m.id" \
	"  AND l.at <= " AT " ORDER BY l.at DESC, l.id DESC LIMIT 1)," \
	" CASE WHEN m.created <= " AT " AND NOT EXISTS (SELECT 1 FROM member_status_log l" \
	"  WHERE l.member_id = m.id) THEN m.status END)"
#define STATUS_AT(P) STATUS_AT_(":at" P)

/* A meeting mt that took place: marked held, or someone attended it. */
#define HELD \
	"mt.status <> 'cancelled' AND (mt.status = 'held' OR EXISTS (SELECT 1" \
	" FROM attendance z WHERE z.meeting_id = mt.id AND z.status = 'attended'))"

/* Meetings held in the window (the same for every member: computed once). */
#define HELD_COUNT(AT, W) \
	"(SELECT count(*) FROM meeting mt WHERE mt.starts > " W " AND mt.starts <= " AT \
	" AND " HELD ")"

/* Meetings member m attended since FROM, up to AT. */
#define ATTENDED(what, FROM, AT) \
	"(SELECT " what " FROM attendance a JOIN meeting mt ON mt.id = a.meeting_id" \
	" WHERE a.member_id = m.id AND a.status = 'attended' AND mt.starts > " FROM \
	" AND mt.starts <= " AT ")"

/* Rows of table by member m's handle (column who) since FROM, to AT. */
#define BY_HANDLE(what, table, who, col, FROM, AT) \
	"(SELECT " what " FROM " table " WHERE " who " = m.handle AND " col " > " FROM \
	" AND " col " <= " AT ")"

/* Anything member m did since FROM (attending, writing, introducing). */
#define DID_ANY(FROM, AT) \
	"EXISTS " ATTENDED("1", FROM, AT) \
	" OR EXISTS " BY_HANDLE("1", "note", "author", "created", FROM, AT) \
	" OR EXISTS " BY_HANDLE("1", "entry", "author", "created", FROM, AT) \
	" OR EXISTS " BY_HANDLE("1", "topic", "author", "created", FROM, AT) \
	" OR EXISTS " BY_HANDLE("1", "connection", "by", "at", FROM, AT)

/* The level of member row m (who is not alumni at AT): 0 core,
 * 1 active, 2 peripheral, 3 inactive. */
#define LEVEL_OF_AT(AT, W, Y) \
	"CASE WHEN m.role IN ('core', 'coordinator') THEN 0" \
	" WHEN " HELD_COUNT(AT, W) " > 0 AND 3 * " ATTENDED("count(*)", W, AT) \
	"  >= 2 * " HELD_COUNT(AT, W) " THEN 0" \
	" WHEN " DID_ANY(W, AT) " THEN 1" \
	" WHEN EXISTS " BY_HANDLE("1", "entry_read", "login", "at", Y, AT) \
	"  OR " DID_ANY(Y, AT) " THEN 2" \
	" ELSE 3 END"
#define LEVEL_OF(P) LEVEL_OF_AT(":at" P, ":w" P, ":y" P)

/* LEVEL_OF, or -1 for no level: st (SQL) is m's status at :atP, NULL
 * when they were not a member yet. */
#define LEVEL_OR_NONE_AT(AT, W, Y, st) \
	"CASE WHEN " st " IS NULL OR " st " = 'alumni' THEN -1 ELSE " LEVEL_OF_AT(AT, W, Y) " END"
#define LEVEL_OR_NONE(P, st) LEVEL_OR_NONE_AT(":at" P, ":w" P, ":y" P, st)

/* Members with a level at :atP among those WHERE (SQL over m) keeps:
 * id, name, handle, status (at :atP), role, level.  (OFFSET 0 keeps
 * SQLite from copying the subqueries into the outer query, where each
 * would run again for every use of its column.) */
#define LEVELED(P, WHERE) \
	"SELECT * FROM (SELECT m.id, m.name, m.handle, m.st AS status, m.role," \
	" " LEVEL_OF(P) " AS level" \
	" FROM (SELECT m.*, " STATUS_AT(P) " AS st FROM member m WHERE " WHERE \
	"  LIMIT -1 OFFSET 0) m" \
	" WHERE m.st IS NOT NULL AND m.st <> 'alumni' LIMIT -1 OFFSET 0)"

/* What member row m's level rests on, as columns: held, attended,
 * l_attended, notes, l_notes, entries, l_entries, topics, l_topics,
 * intros, l_intros, reads, reads_month, l_reads (l_: the latest within
 * the year). */
#define COUNTED(table, who, col, P, name) \
	BY_HANDLE("count(*)", table, who, col, ":w" P, ":at" P) " AS " name ", " \
	BY_HANDLE("max(" col ")", table, who, col, ":y" P, ":at" P) " AS l_" name ", "
#define LEVEL_DETAILS(P) \
	HELD_COUNT(":at" P, ":w" P) " AS held, " \
	ATTENDED("count(*)", ":w" P, ":at" P) " AS attended, " \
	ATTENDED("max(mt.starts)", ":y" P, ":at" P) " AS l_attended, " \
	COUNTED("note", "author", "created", P, "notes") \
	COUNTED("entry", "author", "created", P, "entries") \
	COUNTED("topic", "author", "created", P, "topics") \
	COUNTED("connection", "by", "at", P, "intros") \
	BY_HANDLE("count(DISTINCT entry_id)", "entry_read", "login", "at", ":w" P, ":at" P) \
	" AS reads, " \
	BY_HANDLE("count(DISTINCT entry_id)", "entry_read", "login", "at", ":m" P, ":at" P) \
	" AS reads_month, " \
	BY_HANDLE("max(at)", "entry_read", "login", "at", ":y" P, ":at" P) " AS l_reads"

/* Bind the moments of `at` (ISO; NULL: now) with the database's window
 * to the parameters with suffix (""; "1") of st.  INVALID when at is no
 * time. */
int store_bind_levels(struct db *db, sqlite3_stmt *st, const char *at, const char *suffix);
/* The same to numbered parameters: ?first (AT), ?first+1 (W), ?first+2
 * (Y), for a statement that numbers its own (a list's page). */
int store_bind_levels_at(struct db *db, sqlite3_stmt *st, const char *at, int first);

#endif
