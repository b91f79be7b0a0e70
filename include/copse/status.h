/* status.h - the status codes every store and CLI function returns.
 *
 * One X-macro list gives the enum, its name and its default message, so
 * the codes, the messages and the CLI exit statuses cannot drift apart.
 * The detailed message for a failure ("meeting 12: no such meeting") is
 * kept by the store: db_error().
 */
#ifndef COPSE_STATUS_H
#define COPSE_STATUS_H

/*  name        exit  default message */
#define COPSE_STATUSES(_) \
	_(OK,        0, "success") \
	_(NOTFOUND,  1, "not found") \
	_(CONFLICT,  1, "changed by someone else meanwhile") \
	_(INVALID,   1, "invalid input") \
	_(USAGE,     2, "usage error") \
	_(BUSY,      1, "database is locked by another process") \
	_(NOTDB,     1, "not a copse database") \
	_(SCHEMA,    1, "database was made by a newer copse") \
	_(READONLY,  1, "database is read-only") \
	_(PERM,      1, "permission denied") \
	_(FULL,      1, "disk is full") \
	_(IO,        1, "input/output error") \
	_(NOMEM,     1, "out of memory") \
	_(DB,        1, "database error")

enum copse_status {
#define STATUS_ENUM(name, exit, msg) COPSE_##name,
	COPSE_STATUSES(STATUS_ENUM)
#undef STATUS_ENUM
};

const char *status_message(int status);   /* default message */
int status_exit(int status);              /* process exit status 0/1/2 */

#endif
