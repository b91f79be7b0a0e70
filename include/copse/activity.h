/* activity.h - the activity log ("what's new"), visits and presence. */
#ifndef COPSE_ACTIVITY_H
#define COPSE_ACTIVITY_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"

struct activity {
	int64_t id;
	char *at;              /* ISO time */
	char *login;
	char *verb;            /* added|edited|deleted|voted|attended|used|... */
	char *object;          /* member|meeting|note|action|entry|topic|... */
	int64_t object_id;
	char *summary;         /* short human text, e.g. the title */
};

/* Memory, the pattern of db.h. */
void activity_init(struct activity *a);
void activity_done(struct activity *a);
void activity_list_free(struct activity *v, size_t n);

/* Append to the log inside the caller's transaction (store modules call
 * this from every write verb). */
int activity_log(struct db *db, const char *verb, const char *object,
		 int64_t object_id, const char *summary);
/* Newest first; since_iso NULL for all; limit <= 0 for no limit. */
int activity_list(struct db *db, const char *since_iso, int limit,
		  struct activity **out, size_t *n);

/* What happened to one thing (object "entry", id 12) at or after
 * since_iso (NULL: ever), newest first, at most limit rows (<= 0: all):
 * who changed a record and when, for the conflict merge. */
int activity_of(struct db *db, const char *object, int64_t object_id, const char *since_iso,
		int limit, struct activity **out, size_t *n);

/* The id of the newest activity row.  Every verb that changes community
 * data logs a row, so a new stamp means "something changed"; presence,
 * visits and reads (which also commit, and so move db_data_version) leave
 * it alone.  The app checks it before reloading its views.  -1 on error. */
int64_t activity_stamp(struct db *db);

/* What the log says changed, as bits: what a view shows is reloaded
 * only when one of its bits is set (the app, view.h). */
enum activity_change {
	CHANGE_MEMBERS = 1 << 0,   /* members, their tags, connections */
	CHANGE_MEETINGS = 1 << 1,  /* meetings, agendas, attendance */
	CHANGE_NOTES = 1 << 2,     /* lines of the minutes */
	CHANGE_ACTIONS = 1 << 3,   /* action items */
	CHANGE_ENTRIES = 1 << 4,   /* entries, their tags, uses, links */
	CHANGE_TOPICS = 1 << 5,    /* topics, votes, their links */
	CHANGE_OTHER = 1 << 6,     /* whatever else the log names */
	CHANGE_ALL = (1 << 7) - 1,
};
/* What changed after activity row *stamp: the kinds of thing the rows
 * logged since name, as CHANGE_* bits into *what (0: nothing), and
 * *stamp moved to the newest row.  One indexed query. */
int activity_changes(struct db *db, int64_t *stamp, unsigned *what);

/* Record a visit by db_login(); *previous (caller frees, may be NULL)
 * gets the time of the visit before, or NULL on a first visit.
 * Visits, presence and reads are writes nobody waits for: while another
 * process holds the write lock they give up after a moment (COPSE_BUSY)
 * instead of waiting the busy timeout, so the app never stalls. */
int visit_touch(struct db *db, char **previous);
/* The time of db_login()'s last visit (what visit_touch would give as
 * *previous), read without writing; *last NULL on a first visit. */
int visit_last(struct db *db, char **last);

/* Presence: who has copse open, where, and what they edit.
 *
 * The app beats (presence_beat) every PRESENCE_BEAT seconds, also while
 * the editor runs, and leaves (presence_leave) on exit.  A session is
 * live while it was seen within PRESENCE_EXPIRE seconds and, on this
 * host, while its process runs (a pid check): a process killed with
 * kill -9 drops out at the next look, one on another host after the
 * expiry.  presence_set says where the session is ("meeting 12") and
 * which record it has open in the editor ("note 7"); beats keep both.
 * Presence is private: not in the activity log, not exported. */
#define PRESENCE_BEAT 3
#define PRESENCE_EXPIRE 10

struct presence {
	char *login;
	char *place;           /* "meeting 12", or NULL */
	char *editing;         /* "note 7": a record open in the editor, or NULL */
	char *since;           /* ISO UTC: when its editing began, or NULL */
	int mine;              /* this session (this process on this host) */
};

void presence_init(struct presence *p);
void presence_done(struct presence *p);
void presence_list_free(struct presence *v, size_t n);

struct strv;
int presence_beat(struct db *db);
/* Beat now, saying where this session is and what it edits (either may
 * be NULL: nowhere in particular, nothing).  The editing's start time
 * is kept while it stays the same. */
int presence_set(struct db *db, const char *place, const char *editing);
int presence_leave(struct db *db);
/* The logins, other than db_login(), with a live session, sorted, each
 * once.  Caller frees with strv_done. */
int presence_list(struct db *db, struct strv *logins);
/* Every live session, this one included, ordered by login.  Caller frees
 * with presence_list_free. */
int presence_sessions(struct db *db, struct presence **out, size_t *n);

#endif
