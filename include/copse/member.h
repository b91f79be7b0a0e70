/* member.h - members of the community, their tags and connections.
 *
 * Plain data: structs hold no database handle.  Strings in a struct are
 * owned by it (x_init / x_done / x_list_free, as db.h describes).  ""
 * rather than NULL for empty text fields, NULL for absent optional ones
 * (handle, email, joined).
 */
#ifndef COPSE_MEMBER_H
#define COPSE_MEMBER_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"
#include "copse/page.h"
#include "copse/util.h"

/* Allowed values, also used for validation messages and completion. */
#define MEMBER_STATUSES "prospect", "invited", "active", "alumni"
#define MEMBER_ROLES "coordinator", "core", "member"
#define CONNECTION_KINDS "introduced", "mentors", "works-with"

struct member {
	int64_t id;
	char *name;
	char *handle;          /* login on the server; optional, unique */
	char *email;           /* optional */
	char *status;          /* prospect|invited|active|alumni (default prospect) */
	char *role;            /* coordinator|core|member (default member) */
	char *joined;          /* YYYY-MM-DD, optional (default: today when added active) */
	char *bio;             /* Markdown: bio and development notes */
	char *created, *updated;
	int version;
	struct strv expertise; /* tags of kind expertise */
	struct strv interest;  /* tags of kind interest */
	int knows;             /* member_list with knows: 2 expertise, 1 interest */
	int level;             /* member_page: health.h LEVEL_*; -1 none (alumni) */
};

struct member_filter {
	const char *status;    /* NULL: any */
	const char *tag;       /* NULL: any; expertise or interest, any case, '#' optional */
	const char *query;     /* NULL: any; substring of name/handle/email, any case */
	/* NULL: any; "who knows about X": members with a tag containing X
	 * (any case, '#' optional), those with it as expertise first, then
	 * those interested in it (member.knows says which) */
	const char *knows;
};

/* A development note on a member, by the coordinator (Markdown). */
struct devnote {
	int64_t id, member_id;
	char *author;          /* login */
	char *body;
	char *created;         /* ISO */
};

/* A member's firsts, for their timeline; each NULL / 0 when it has not
 * happened.  Times are ISO, joined a date. */
struct member_firsts {
	char *added;           /* when they entered copse (first status) */
	char *joined;          /* YYYY-MM-DD: the joined date, else first active */
	char *attended;        /* the first meeting they attended ... */
	int64_t meeting_id;
	char *meeting_title;
	char *note;            /* their first note in the minutes */
	char *entry;           /* their first entry ... */
	int64_t entry_id;
	char *entry_title;
	char *intro;           /* their first connection (introduction) ... */
	int64_t intro_id;      /* ... with this member */
	char *intro_name;
};

struct connection {
	int64_t id;
	int64_t a, b;          /* member ids */
	char *a_name, *b_name;
	char *kind;            /* introduced|mentors|works-with */
	char *note;
	char *at;              /* ISO time */
	char *by;              /* login who recorded it */
};

/* Memory, the pattern of db.h. */
void member_init(struct member *m);
void member_done(struct member *m);
void member_list_free(struct member *v, size_t n);
void connection_init(struct connection *c);
void connection_done(struct connection *c);
void connection_list_free(struct connection *v, size_t n);
void devnote_init(struct devnote *d);
void devnote_done(struct devnote *d);
void devnote_list_free(struct devnote *v, size_t n);
void member_firsts_init(struct member_firsts *f);
void member_firsts_done(struct member_firsts *f);

/* Validate and insert; on success m->id, created, updated, version are set.
 * INVALID for empty name, bad status/role/date, duplicate handle. */
int member_add(struct db *db, struct member *m);
/* *out: caller frees with member_done (also after a failure). */
int member_get(struct db *db, int64_t id, struct member *out);
/* "12" (id), "zoe" / "@zoe" (handle), or "me" (the member whose handle
 * is db_login()).  NOTFOUND: "member zoe: no such member". */
int member_find(struct db *db, const char *key, struct member *out);
/* Ordered by name ignoring case and accents (with knows: those who know
 * first); each member's tags come sorted the same way. */
int member_list(struct db *db, const struct member_filter *f,
		struct member **out, size_t *n);
/* The Members panel by the screenful (page.h): r's rows of the members
 * by name (as member_list orders them), without bios or tags, whose
 * name or handle has query in it (case and accents ignored), or their
 * role, or the status of a plain member (NULL or "": all).
 * member_count counts them, or those before key `before` when it is not
 * NULL; member_key is m's key in that list. */
int member_page(struct db *db, const char *query, const struct page_req *r,
		struct member **out, size_t *n);
int member_count(struct db *db, const char *query, const struct page_key *before,
		 int64_t *n);
int member_key(const struct member *m, struct page_key *k);
/* Write all fields and tags of m.  m->version must be the version read;
 * CONFLICT if someone saved meanwhile.  On success m->version is bumped. */
int member_update(struct db *db, struct member *m);
/* What member id has done, for the question before a delete: "12
 * meetings, 3 actions, 40 notes written" (attendance, owned
 * actions, connections, and notes, entries, topics and votes under
 * their handle).  *what: caller frees; NULL when they have no history. */
int member_history(struct db *db, int64_t id, char **what);
/* Move a member with their tags, status changes and development notes
 * to the trash (trash.h).  A member with history is not deleted:
 * CONFLICT "member Zoë has history (...): make them alumni instead"
 * (member_update with status alumni). */
int member_delete(struct db *db, int64_t id);

/* Record a connection a–b; *id gets the new id (may be NULL). */
int member_link(struct db *db, int64_t a, int64_t b, const char *kind,
		const char *note, int64_t *id);
/* Connections of one member (member_id > 0) or all (0), newest first. */
int member_connections(struct db *db, int64_t member_id,
		       struct connection **out, size_t *n);

/* Add a development note (Markdown, not empty) on member id, by
 * db_login(); *id (may be NULL) gets its id. */
int member_note_add(struct db *db, int64_t member_id, const char *body, int64_t *id);
/* A member's development notes, newest first. */
int member_notes(struct db *db, int64_t member_id, struct devnote **out, size_t *n);
/* *out: caller frees with member_firsts_done (also after a failure). */
int member_firsts(struct db *db, int64_t member_id, struct member_firsts *out);

#endif
