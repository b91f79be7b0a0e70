/* health.h - the community's health (SPEC §1 jobs 5 and 7): participation
 * levels with their explanations, and the report behind the Health
 * panel, `copse health` and an assessment's snapshot.
 *
 * Everything here is counted by the store in SQL over indexed columns
 * (no list is loaded to count it), at a moment `at` (an ISO time; NULL:
 * now, copse_now()), so the same numbers can be had for an earlier date.
 * Reading never writes: a member who may only read sees the same.
 *
 * Participation levels, over the window (a setting of the database,
 * HEALTH_WINDOW_DEFAULT days), for every member who is not alumni at
 * `at` (their status then, from the member status log):
 *   core        role core or coordinator; or attended at least two
 *               thirds of the meetings held in the window (one at least)
 *   active      attended a meeting or contributed (a note, an entry, a
 *               topic, an introduction) in the window
 *   peripheral  only read entries in the window, or did any of those
 *               things within a year but not in the window
 *   inactive    the rest
 * A meeting is held when it is marked held or someone attended it.  Notes,
 * entries, topics, introductions and reads count for the member whose
 * handle is their login.
 *
 * health_markdown and the other formatting functions are pure (no store):
 * health-md.c.
 */
#ifndef COPSE_HEALTH_H
#define COPSE_HEALTH_H

#include <stddef.h>
#include <stdint.h>

#include "copse/assessment.h"
#include "copse/db.h"
#include "copse/entry.h"
#include "copse/member.h"
#include "copse/util.h"

/* The number of strings in a list macro such as MEMBER_STATUSES. */
#define HEALTH_COUNT_OF(...) (sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(const char *))

struct health_counts {
	int members;
	int by_status[HEALTH_COUNT_OF(MEMBER_STATUSES)];  /* in MEMBER_STATUSES order */
	int upcoming, past;    /* meetings starting at or after copse_now(), before it */
	int held;              /* past meetings with status held */
	int entries;           /* entries not retired ... */
	int by_kind[HEALTH_COUNT_OF(ENTRY_KINDS)];        /* ... in ENTRY_KINDS order */
	int topics, open_topics;
	int unvoted;           /* topics without a vote */
	int open_actions;
	int overdue;           /* open actions due before today (UTC date of copse_now()) */
};

/* Fill *c (plain data; nothing to free). */
int health_count(struct db *db, struct health_counts *c);

/* ---- participation levels ---- */

#define HEALTH_LEVELS "core", "active", "peripheral", "inactive"
enum {
	LEVEL_NONE = -1,       /* no level: alumni, or not a member yet */
	LEVEL_CORE,
	LEVEL_ACTIVE,
	LEVEL_PERIPHERAL,
	LEVEL_INACTIVE,
	LEVEL_COUNT
};
/* The usual shape of a community (Wenger, McDermott & Snyder 2002): core
 * and active members, in percent of those with a level. */
#define HEALTH_CORE_LO 10
#define HEALTH_CORE_HI 15
#define HEALTH_ACTIVE_LO 15
#define HEALTH_ACTIVE_HI 20
#define HEALTH_USUAL { [LEVEL_CORE] = { HEALTH_CORE_LO, HEALTH_CORE_HI }, \
		       [LEVEL_ACTIVE] = { HEALTH_ACTIVE_LO, HEALTH_ACTIVE_HI } }

/* "core" ... "inactive"; "-" for LEVEL_NONE. */
const char *health_level_name(int level);
/* The level called name, or LEVEL_NONE. */
int health_level_of(const char *name);

#define HEALTH_WINDOW_DEFAULT 180
#define HEALTH_WINDOW_MIN 7
#define HEALTH_WINDOW_MAX 3650
/* The meta key of the window setting (days, as text). */
#define HEALTH_WINDOW_KEY "participation_window"
/* Within this many days of `at` a last activity makes a member
 * peripheral rather than inactive; reads this recent are "this month". */
#define HEALTH_YEAR_DAYS 365
#define HEALTH_MONTH_DAYS 30

/* The window in days: the setting, else HEALTH_WINDOW_DEFAULT (also when
 * it cannot be read). */
int health_window(struct db *db);
/* Set it for everyone; INVALID outside HEALTH_WINDOW_MIN..MAX. */
int health_set_window(struct db *db, int days);

/* One member's level and what it rests on. */
struct health_level {
	int64_t id;
	char *name;
	char *handle;          /* NULL: no login, so only attendance counts */
	char *status;          /* their status at `at` */
	char *role;            /* today's role */
	int level;             /* LEVEL_* */
	int held;              /* meetings held in the window */
	int attended;          /* of those, attended by them */
	int notes, entries, topics, intros;   /* written / made in the window */
	int reads, reads_month;   /* entries read in the window, in the last 30 days */
	/* The latest of each kind within a year of `at` (ISO), or NULL. */
	char *last_attended, *last_note, *last_entry, *last_topic, *last_intro, *last_read;
};

void health_level_init(struct health_level *l);
void health_level_done(struct health_level *l);
void health_level_list_free(struct health_level *v, size_t n);

struct health_level_filter {
	const char *at;        /* ISO time; NULL: now */
	int64_t member_id;     /* 0: every member with a level */
	int level;             /* LEVEL_NONE: any */
	int limit;             /* <= 0: no limit */
	int per_level;         /* > 0: at most this many of each level */
};

/* Members with a level, ordered by level (core first) then name.  A
 * member without a level (alumni) is not listed. */
int health_levels(struct db *db, const struct health_level_filter *f,
		  struct health_level **out, size_t *n);
/* A member's level as kept by an assessment (participation). */
struct health_past {
	char day[11];          /* YYYY-MM-DD */
	int level;             /* LEVEL_* */
	char *reason;          /* its explanation then */
};
/* The levels kept for member id, newest first; caller frees with
 * health_past_list_free. */
int health_level_history(struct db *db, int64_t member_id, struct health_past **out,
			 size_t *n);
void health_past_list_free(struct health_past *v, size_t n);

/* How many members have each level (mix[LEVEL_COUNT]) at `at`. */
int health_mix(struct db *db, const char *at, int mix[LEVEL_COUNT]);

/* ---- the report ---- */

#define HEALTH_SPARK 12        /* points in a trend: meetings, months */
#define HEALTH_WAIT_DAYS 30    /* a topic with no meeting or entry this long waits */
#define HEALTH_LIST_MAX 10     /* waiting topics and level moves listed */

struct health_move {
	int64_t id;
	char *name;
	int from, to;          /* LEVEL_*; LEVEL_NONE: none then */
};

struct health_topic {
	int64_t id;
	char *title;
	int days;              /* since it was raised */
	int votes;
};

struct health_report {
	char at[ISO_LEN];      /* the moment reported on */
	int window;            /* days */
	int now;               /* 1 when `at` is now (not --at) */
	/* participation */
	int members;           /* with a level */
	int mix[LEVEL_COUNT];
	/* trends, oldest first: attendance at the last held meetings, and
	 * per calendar month (the last HEALTH_SPARK, `at`'s month last) the
	 * members who attended or contributed and the entries written */
	int nmeet;
	int attend[HEALTH_SPARK];
	char meet_day[HEALTH_SPARK][11];
	char month[HEALTH_SPARK][8];        /* "2025-03" */
	int active_month[HEALTH_SPARK];
	int entries_month[HEALTH_SPARK];
	/* recruitment funnel, in MEMBER_STATUSES order: members who ever
	 * reached each stage by `at` (from the status log; reaching a later
	 * stage counts for the earlier ones, alumni for active), those who
	 * reached it within the window, and those at it at `at` */
	int reached[4], reached_window[4], at_stage[4];
	/* meetings */
	int held_window;       /* meetings held in the window */
	int gap_days;          /* average days between them; -1: fewer than two */
	int last_days;         /* days since the last held meeting; -1: none */
	int64_t next_id;       /* the next planned meeting after `at`, 0: none */
	char *next_title, *next_starts;
	/* actions open at `at`, and of those due before its day */
	int open_actions, overdue;
	int entries;           /* entries in the repertoire (not retired) */
	/* topics open or exploring, raised HEALTH_WAIT_DAYS or more before
	 * `at`, with no meeting or entry linked: the first HEALTH_LIST_MAX,
	 * most votes first, and how many there are */
	int nwaiting_total;
	struct health_topic *waiting;
	size_t nwaiting;
	/* level moves since the last assessment before `at` (since[0] == 0:
	 * none recorded, then since the start of the window): the first
	 * HEALTH_LIST_MAX and how many moved */
	char since[11];
	int moved_total;
	struct health_move *moves;
	size_t nmoves;
	/* the last two assessments recorded by `at` (id 0: none) */
	struct assessment last, previous;
};

void health_report_init(struct health_report *r);
void health_report_done(struct health_report *r);
/* Fill *r for the moment at (ISO; NULL: now).  Caller frees with
 * health_report_done (also after a failure). */
int health_report(struct db *db, const char *at, struct health_report *r);
/* The same, listing up to max_moves level moves (<= 0: all of them). */
int health_report_moves(struct db *db, const char *at, int max_moves, struct health_report *r);

/* Topics waiting at `at` (NULL: now): open or exploring, raised
 * HEALTH_WAIT_DAYS or more before, with no meeting or entry linked.  The
 * first max (<= 0: all), most votes first, into *out (caller frees with
 * health_topic_list_free), and how many there are in *total. */
int health_waiting(struct db *db, const char *at, int max, struct health_topic **out,
		   size_t *n, int *total);
void health_topic_list_free(struct health_topic *v, size_t n);

/* For `copse brief`: when db_login() last opened copse (*last_looked,
 * ISO, caller frees; NULL: never, and then the last 7 days count), how
 * many entries were written since (not drafts), and the titles of the
 * newest (at most max, into titles).  Reads only: the visit is not
 * moved. */
int health_new_entries(struct db *db, int max, char **last_looked, int *count,
		       struct strv *titles);

/* ---- formatting (health-md.c, pure) ---- */

/* One line of why l has its level, for the window: "peripheral: last
 * attended 212 days ago, read 3 entries this month". */
void health_explain(const struct health_level *l, int window, const char *at,
		    char *out, size_t n);
/* A sparkline of the n values of v (at most HEALTH_SPARK): one block
 * character a value (▁ to █), or ASCII ("_.-:=+*#") when ascii. */
void health_spark(const int *v, int n, int ascii, char *out, size_t len);
/* The parts of the report, as Markdown; HEALTH_PART_ALL is all of them
 * in this order (the Markdown report of `copse health --markdown`). */
enum health_part {
	HEALTH_PART_PARTICIPATION,
	HEALTH_PART_TRENDS,
	HEALTH_PART_FUNNEL,
	HEALTH_PART_MEETINGS,
	HEALTH_PART_ACTIONS,
	HEALTH_PART_TOPICS,
	HEALTH_PART_MOVES,
	HEALTH_PART_ASSESSMENT,
	HEALTH_PART_ALL
};
enum {
	HEALTH_MD_ASCII = 1,   /* sparklines and arrows in ASCII */
	HEALTH_MD_LINKS = 2,   /* members, meetings, topics as copse: links */
};
/* Append part of r to md (flags: HEALTH_MD_*).  levels (may be NULL) are
 * members to list under the participation mix, nlevels of them, with
 * their explanations.  0, or -1 on ENOMEM. */
int health_markdown(const struct health_report *r, enum health_part part, int flags,
		    const struct health_level *levels, size_t nlevels, struct buf *md);
/* An assessment as Markdown: its scores and metrics against prev's
 * (when prev->id), its summary and stories.  0, or -1 on ENOMEM. */
int health_assessment_markdown(const struct assessment *a, const struct assessment *prev,
			       int flags, struct buf *md);

#endif
