/* trash.h - deleting is undoable: the trash.
 *
 * The store's delete verbs (member_delete, meeting_delete, note_delete,
 * action_delete, entry_delete, topic_delete) do not destroy rows: each
 * moves its row, with what hangs on it, into the trash in the same
 * transaction.  What hangs on what:
 *
 *   member   tags, status changes, development notes, levels,
 *            connections, attendance (a member with history is not
 *            deleted at all: member_delete refuses, see member.h)
 *   meeting  agenda revisions, attendance, notes, actions, topic links
 *   note     the action its line made ("a: @who ...")
 *   action   -
 *   entry    tags, revisions, links, use reports, reads, topic links
 *   topic    votes, meeting and entry links
 *
 * A trashed row keeps its id (ids are never given out twice) and comes
 * back whole with trash_restore or trash_undo_last.  Rows stay in the
 * trash for TRASH_DAYS days after the delete; after that they are left
 * out of every list and removed by the next write of anyone.  The trash
 * is part of export --json.
 */
#ifndef COPSE_TRASH_H
#define COPSE_TRASH_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"

#define TRASH_KINDS "member", "meeting", "note", "action", "entry", "topic"
#define TRASH_DAYS 30

struct trash_item {
	int64_t id;            /* of the trash row */
	char *kind;            /* member|meeting|note|action|entry|topic */
	int64_t object_id;     /* the id it had, and has again when restored */
	char *title;           /* its name or title; a note's first line */
	char *what;            /* what went with it ("23 notes and attendance"), or "" */
	char *login;           /* who deleted it */
	char *at;              /* when, ISO UTC */
	char *expires;         /* when it goes for good, ISO UTC */
};

/* Memory, the pattern of db.h. */
void trash_item_init(struct trash_item *t);
void trash_item_done(struct trash_item *t);
void trash_item_list_free(struct trash_item *v, size_t n);

/* What deleting item id of kind would move to the trash, for the
 * question before it ("Move the meeting 'Listening circle' with its 23
 * notes, 2 actions and attendance to the trash?"): out->kind, title
 * (as stored: sanitise before showing) and what ("23 notes, 2 actions
 * and attendance", or "").  out: caller frees with trash_item_done.
 * NOTFOUND when there is no such item. */
int trash_describe(struct db *db, const char *kind, int64_t id, struct trash_item *out);

/* The trash, newest first, expired rows left out. */
int trash_list(struct db *db, struct trash_item **out, size_t *n);

/* Put item id of kind back, with everything that went with it.
 * NOTFOUND "meeting 3: not in the trash"; CONFLICT when something it
 * belongs to is in the trash too ("note 7: its meeting 3 is in the
 * trash: restore that first") or when it cannot come back as it was
 * (its handle taken meanwhile). */
int trash_restore(struct db *db, const char *kind, int64_t id);

/* Undo: restore the newest item deleted through this database handle
 * (this session: the app, a meeting floor) by db_login().  Repeated
 * calls walk back through the session's deletes.  *out (may be NULL;
 * caller frees with trash_item_done) says what came back.  NOTFOUND
 * "nothing to undo" when the session deleted nothing (left). */
int trash_undo_last(struct db *db, struct trash_item *out);

#endif
