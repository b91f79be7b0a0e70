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

/* The id of the newest activity row.  Every verb that changes community
 * data logs a row, so a new stamp means "something changed"; presence,
 * visits and reads (which also commit, and so move db_data_version) leave
 * it alone.  The app checks it before reloading its views.  -1 on error. */
int64_t activity_stamp(struct db *db);

/* Record a visit by db_login(); *previous (caller frees, may be NULL)
 * gets the time of the visit before, or NULL on a first visit.
 * Visits, presence and reads are writes nobody waits for: while another
 * process holds the write lock they give up after a moment (COPSE_BUSY)
 * instead of waiting the busy timeout, so the app never stalls. */
int visit_touch(struct db *db, char **previous);

/* Presence: the app calls presence_beat() about every 10 s while open and
 * presence_leave() on exit; presence_list() gives the logins (other than
 * db_login()) seen within the last 30 s.  Caller frees with strv_done. */
struct strv;
int presence_beat(struct db *db);
int presence_leave(struct db *db);
int presence_list(struct db *db, struct strv *logins);

#endif
