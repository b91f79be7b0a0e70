/* demo-data.h - the demo community as data: who, meetings, minutes,
 * action items, the repertoire and its later edits, topics (the tables
 * are in demo-data.c; demo.c walks them).  Private to those two files.
 *
 * Days are relative to copse_now() (negative = past).  People are named
 * by their key (struct demo_member); meetings and entries by the M_ and
 * E_ indexes below.
 */
#ifndef COPSE_DEMO_DATA_H
#define COPSE_DEMO_DATA_H

#include <limits.h>
#include <stddef.h>

#define NO_DAY INT_MIN          /* no date / still open */
#define NONE (-1)               /* ends a list of meeting or entry indexes */

struct demo_member {
	const char *key;            /* how the tables below refer to the person */
	const char *name, *handle, *email, *status, *role;
	int joined;                 /* day joined, or NO_DAY */
	int added;                  /* day the record was created */
	const char *later_status;   /* a later change of status, or NULL ... */
	int later_day;              /* ... on this day */
	const char *expertise, *interest;   /* comma-separated tags */
	const char *bio;            /* Markdown */
};

struct demo_link {
	const char *a, *b, *kind, *note;
	int day;
};

struct demo_meeting {
	int day;
	const char *title, *location, *status;
	const char *facilitator;    /* login that adds the meeting and its actions */
	/* Space-separated member keys, each with an optional prefix:
	 * none attended, '-' absent, '+' accepted, '!' declined, '?' invited. */
	const char *attendance;
	const char *agenda;         /* Markdown */
};

struct demo_note {
	int meeting;
	const char *author, *kind;
	const char *label;          /* for entries harvested from this note */
	const char *body;
};

struct demo_action {
	int meeting;
	const char *owner;          /* member key */
	int due, done;              /* days, or NO_DAY (no due date / open) */
	const char *title;
};

struct demo_entry {
	const char *title, *kind, *author;
	int day;
	const char *status;         /* NULL: published */
	const char *tags;
	const char *from_note;      /* label of the note it was harvested from */
	const char *body;           /* Markdown */
};

struct demo_edit {
	int entry;
	const char *login;
	int day;
	const char *tags;           /* new tags, or NULL to keep them */
	const char *append;         /* Markdown section added to the body */
};

struct demo_use {
	int entry;
	const char *login;
	int day;
	const char *outcome;
};

struct demo_read {
	const char *login;
	int entry, day;
};

struct demo_topic {
	const char *author;
	int day;
	const char *status, *title;
	const char *votes;          /* space-separated logins */
	int meetings[3], entries[3];    /* indexes, ended by NONE */
	const char *body;           /* Markdown */
};

/* The meetings, indexes into demo_meetings. */
enum {
	M_KICKOFF,
	M_OBSERVE,
	M_CIRCLE_HOME,
	M_DEESC,
	M_HOLIDAY,
	M_SELF_EMPATHY,
	M_CLINIC,
	M_PARENTING,
	M_RESTORATIVE,
	M_REQUESTS,
	M_LAB,
	M_RETRO,
	M_REPAIR,
	M_APOLOGIES,
	M_OPEN_NIGHT,
	M_COUNT
};

/* The entries, indexes into demo_entries. */
enum {
	E_FOUR,
	E_OBSERVE,
	E_FEELINGS,
	E_REQUESTS,
	E_BREATHS,
	E_GUESS,
	E_DEESC,
	E_FIVE,
	E_CIRCLE,
	E_CHECKIN,
	E_BEDTIME,
	E_NIGHT,
	E_HANDOVER,
	E_HEDGE,
	E_NICE,
	E_WONTPLAY,
	E_MEETINGS,
	E_TWOLANG,
	E_APOLOGY,
	E_PUNISH,
	E_COUNT
};

/* The tables, and the length of each that has no enum. */
extern const struct demo_member demo_members[];
extern const size_t demo_n_members;
extern const struct demo_link demo_links[];
extern const size_t demo_n_links;
extern const struct demo_meeting demo_meetings[M_COUNT];
extern const struct demo_note demo_notes[];
extern const size_t demo_n_notes;
extern const struct demo_action demo_actions[];
extern const size_t demo_n_actions;
extern const struct demo_entry demo_entries[E_COUNT];
extern const struct demo_edit demo_edits[];
extern const size_t demo_n_edits;
extern const struct demo_use demo_uses[];
extern const size_t demo_n_uses;
extern const struct demo_read demo_reads[];
extern const size_t demo_n_reads;
extern const struct demo_topic demo_topics[];
extern const size_t demo_n_topics;

#endif
