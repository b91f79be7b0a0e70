/* cli-print.h - how the command line prints, private to cli*.c: text
 * from the database made safe for the terminal, aligned tables,
 * "Label: value" lines, and the JSON objects of SPEC §2.
 *
 * Everything from the database goes through print_safe (text_sanitize)
 * before it is printed as text; --json goes through json.c.  Strings
 * returned here are freed when the command ends (cli_keep).
 */
#ifndef COPSE_CLI_PRINT_H
#define COPSE_CLI_PRINT_H

#include <stddef.h>
#include <stdint.h>

#include "copse/entry.h"
#include "copse/json.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "cli-cmd.h"

/* The time format of tables and show commands. */
#define PRINT_WHEN "%Y-%m-%d %H:%M"

/* s made safe for the terminal (NULL: ""), on one line or keeping its
 * newlines. */
const char *print_safe(struct cli *c, const char *s);
const char *print_safe_lines(struct cli *c, const char *s);
/* A formatted string. */
const char *print_fmt(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A stored ISO time in local time by strftime fmt; "" for none. */
const char *print_time(struct cli *c, const char *iso, const char *fmt);
/* A tag list as "a, b", made safe. */
const char *print_joined(struct cli *c, const struct strv *sv);

/* The width of the terminal on stdout, else $COLUMNS, else 80. */
int print_width(void);
/* b on stdout, as it is. */
void print_buf(const struct buf *b);
/* What an add command prints: the new id, or the store's failure.
 * Returns the exit status. */
int print_id(struct cli *c, int status, int64_t id);
/* "Label:      value" for show commands; an empty value prints nothing. */
void print_field(const char *label, const char *value);
/* Multi-line text indented by two spaces. */
void print_block(const char *text);
/* Markdown rendered for the terminal (plain text when stdout is not one
 * or NO_COLOR is set), as `entry show` prints a body.  Returns the exit
 * status. */
int print_markdown(struct cli *c, const char *md);

/* A table: columns padded by display width, two spaces apart; the last
 * column is never padded and may hold several lines (indented under it);
 * on a terminal it is clipped to the screen width.  print_table_init
 * takes ncols (at most 8) headings: ">ID" right-aligns the column.
 * Rows borrow their cells (made safe).  print_table_out prints the rows,
 * with the headings when header, and frees the rows. */
struct print_table {
	int ncols;
	const char *head[8];
	char align[8];               /* 'l' or 'r' */
	int maxw[8];                 /* clip wider cells (0: no limit) */
	const char **cells;          /* borrowed, sanitised */
	size_t nrows, cap;
	const char *indent;
	const char *empty;           /* said instead when there are no rows
				      * ("no entries"), as search does */
};

void print_table_init(struct print_table *t, const char *indent, int ncols, ...);
void print_table_row(struct print_table *t, ...);
void print_table_out(struct cli *c, struct print_table *t, int header);

/* A JSON document in b, pretty-printed; print_json_end prints it and
 * returns the exit status. */
void print_json_start(struct json *j, struct buf *b);
int print_json_end(struct json *j, struct buf *b);

/* One record as fn writes it, as a string (caller frees; NULL: out of
 * memory), to tell an edit that changes nothing; print_same compares. */
char *print_snapshot(void (*fn)(struct json *j, const void *rec), const void *rec);
int print_same(const char *a, const char *b);

/* The fields of one record as JSON object members (SPEC §2 names); the
 * caller opens and closes the object, except for connection, note and
 * action, which are whole objects. */
void print_json_member(struct json *j, const struct member *m);
void print_json_connection(struct json *j, const struct connection *k);
void print_json_meeting(struct json *j, const struct meeting *m);
void print_json_note(struct json *j, const struct note *n);
void print_json_action(struct json *j, const struct action *a);
void print_json_entry(struct json *j, const struct entry *e, int body);
void print_json_topic(struct json *j, const struct topic *t);

#endif
