/* meeting.h - meetings, attendance, notes (minutes) and action items. */
#ifndef COPSE_MEETING_H
#define COPSE_MEETING_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "copse/db.h"
#include "copse/page.h"

#define MEETING_STATUSES "planned", "held", "cancelled"
#define ATTEND_STATUSES "invited", "accepted", "declined", "attended", "absent"
#define NOTE_KINDS "note", "decision", "question"

struct meeting {
	int64_t id;
	char *title;
	char *starts;          /* ISO UTC */
	char *ends;            /* ISO UTC, optional */
	char *location;
	char *agenda;          /* Markdown */
	char *status;          /* planned|held|cancelled */
	char *created, *updated;
	int version;
	int n_attended;        /* filled by list/get: members with status attended */
	int n_notes;           /* filled by list/get */
};

/* A saved version of a meeting's agenda (and title): every save keeps
 * one, the current one included, so what a merge dropped can be found. */
struct meeting_revision {
	int64_t meeting_id;
	int version;
	char *title, *agenda;
	char *author;          /* login who saved this version */
	char *at;              /* ISO time */
};

struct meeting_filter {
	int upcoming;          /* 1: starts >= now; -1: starts < now; 0: all */
	const char *query;     /* substring of title/location */
};

struct attendance {
	int64_t meeting_id, member_id;
	char *name, *handle;   /* of the member */
	char *status;
};

struct note {
	int64_t id, meeting_id;
	char *author;          /* login */
	char *kind;            /* note|decision|question */
	char *body;            /* Markdown */
	char *created, *updated;
	int version;
};

struct action {
	int64_t id;
	char *title;
	int64_t owner_id;      /* 0 when the owner was deleted */
	char *owner_name, *owner_handle;   /* filled by get/list */
	char *due;             /* YYYY-MM-DD, optional */
	char *done;            /* ISO time when done, NULL while open */
	int64_t meeting_id;    /* 0: none */
	int64_t note_id;       /* the minutes line that made it, 0: none */
	char *created;
	char *author;          /* login */
	int version;
};

struct action_filter {
	int open_only;
	int64_t owner_id;      /* 0: any */
	int64_t meeting_id;    /* 0: any */
	const char *owner_handle; /* NULL: any; e.g. the viewer's login */
	int64_t carried_to;    /* 0: any; else only actions of meetings that
				  started before that meeting and still open
				  when it started (done since, they stay) */
	const char *due_before; /* NULL: any; else only those due before that
				   date ("YYYY-MM-DD": overdue on it) */
	size_t limit;          /* 0: all; else at most this many */
};

/* Memory, the pattern of db.h: the x_get verbs below fill *out, which
 * the caller frees with x_done; lists are freed with x_list_free. */
void meeting_init(struct meeting *m);
void meeting_done(struct meeting *m);
void meeting_list_free(struct meeting *v, size_t n);
void meeting_revision_init(struct meeting_revision *r);
void meeting_revision_done(struct meeting_revision *r);
void meeting_revision_list_free(struct meeting_revision *v, size_t n);
void attendance_init(struct attendance *a);
void attendance_done(struct attendance *a);
void attendance_list_free(struct attendance *v, size_t n);
void note_init(struct note *n);
void note_done(struct note *n);
void note_list_free(struct note *v, size_t n);
void action_init(struct action *a);
void action_done(struct action *a);
void action_list_free(struct action *v, size_t n);
/* The action among v[0..n) whose line (an "a: @who ..." note) is note
 * note_id, or NULL.  Such a line is listed under the actions, never
 * again as a note (minutes, meeting show, the meetings preview). */
const struct action *action_of_note(const struct action *v, size_t n, int64_t note_id);

/* Meetings. starts must be set (ISO); status defaults to planned.  add
 * and update record a revision of the agenda (meeting_history). */
int meeting_add(struct db *db, struct meeting *m);
int meeting_get(struct db *db, int64_t id, struct meeting *out);
/* Just the title (*title: caller frees), without the counts meeting_get
 * reads; NOTFOUND when there is no such meeting. */
int meeting_title(struct db *db, int64_t id, char **title);
/* Ordered by start time, newest first.  "Now" for upcoming/past is
 * copse_now() (COPSE_NOW in tests). */
int meeting_list(struct db *db, const struct meeting_filter *f,
		 struct meeting **out, size_t *n);
int meeting_update(struct db *db, struct meeting *m);   /* version check */
/* The Meetings panel's three parts, by the screenful (page.h). */
enum meeting_part {
	MEETING_ON_NOW_PART,   /* started and on (meeting_is_on), latest first */
	MEETING_UPCOMING,      /* not started, soonest first */
	MEETING_PAST,          /* started and over, latest first */
};
/* r's rows of that part, without agendas or counts, whose title (case
 * and accents ignored) or start date has query in it, or whose status
 * does where it is not the usual one (planned; held for the past).
 * meeting_count counts them, or those before key `before` when it is
 * not NULL; meeting_key is m's key in those lists. */
int meeting_page(struct db *db, enum meeting_part part, const char *query,
		 const struct page_req *r, struct meeting **out, size_t *n);
int meeting_count(struct db *db, enum meeting_part part, const char *query,
		  const struct page_key *before, int64_t *n);
int meeting_key(const struct meeting *m, struct page_key *k);
/* Into the trash (trash.h) with its agenda revisions, attendance,
 * notes, actions and topic links. */
int meeting_delete(struct db *db, int64_t id);
/* Every saved version of the meeting's agenda, newest first. */
int meeting_history(struct db *db, int64_t id, struct meeting_revision **out, size_t *n);
/* The planned meeting going on now (meeting_is_on, without the half hour
 * before) or else the next one; NOTFOUND if none. */
int meeting_next(struct db *db, struct meeting *out);
/* Whether the meeting is on at now: from 30 minutes before its start
 * until its end (the end time, else 3 hours after the start), unless it
 * is marked held or cancelled.  Pure: no store. */
int meeting_is_on(const struct meeting *m, time_t now);

/* Attendance: insert or replace the member's status at the meeting. */
int attend_set(struct db *db, int64_t meeting_id, int64_t member_id,
	       const char *status);
/* Ordered by member name. */
int attend_list(struct db *db, int64_t meeting_id, struct attendance **out,
		size_t *n);

/* Notes.  author defaults to db_login(); kind defaults to "note". */
int note_add(struct db *db, struct note *n);
int note_get(struct db *db, int64_t id, struct note *out);
/* A meeting's notes in the order written (created, id). */
int note_list(struct db *db, int64_t meeting_id, struct note **out, size_t *n);
/* The same lines as id and version only, in the same order: a screen
 * that holds them reads again only those new or changed (note_get).
 * Caller frees *out with free(). */
struct note_version {
	int64_t id;
	int version;
};
int note_versions(struct db *db, int64_t meeting_id, struct note_version **out, size_t *n);
int note_update(struct db *db, struct note *n);          /* version check */
/* Into the trash with the action its line made, if any. */
int note_delete(struct db *db, int64_t id);

/* A quick line typed in a meeting (read by noteline_parse: "d: ..."
 * decision, "? ..." question, "a: @handle ... [due DATE]" an action
 * item owned by that member with a note line saying so, else a note),
 * as its own row.  *note_id / *action_id (may be NULL) receive the ids
 * created (0 if none).  A line noteline_parse refuses: INVALID with its
 * message; unknown @handle: NOTFOUND; nothing written either way. */
int note_add_line(struct db *db, int64_t meeting_id, const char *line,
		  int64_t *note_id, int64_t *action_id);

/* Action items.  author defaults to db_login(). */
int action_add(struct db *db, struct action *a);
int action_get(struct db *db, int64_t id, struct action *out);
/* Open first (by due date, undated last), then done (latest first). */
int action_list(struct db *db, const struct action_filter *f,
		struct action **out, size_t *n);
/* How many actions f leaves (its limit aside). */
int action_count(struct db *db, const struct action_filter *f, int64_t *n);
int action_set_done(struct db *db, int64_t id, int done);  /* 1 done, 0 reopen */
/* Save title, owner (owner_id, else owner_handle; 0 and NULL: nobody)
 * and due (NULL: none).  a->version must be the version read: CONFLICT
 * when someone changed it meanwhile (marking it done counts). */
int action_update(struct db *db, struct action *a);
/* Into the trash. */
int action_delete(struct db *db, int64_t id);

#endif
