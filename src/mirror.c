/* mirror.c - the repertoire as a directory of Markdown files (see
 * mirror.h). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copse/entry.h"
#include "copse/md.h"
#include "copse/meeting.h"
#include "copse/minutes.h"
#include "copse/mirror.h"
#include "copse/status.h"
#include "copse/util.h"

/* ---- names ---- */

void mirror_name(const char *title, char *out, size_t n)
{
	size_t len = 0, cut;
	const unsigned char *p = (const unsigned char *)(title ? title : "");

	while (*p == ' ' || *p == '.' || *p == '\t')
		p++;
	for (; *p && len + 1 < n && len < MIRROR_NAME_MAX; p++) {
		unsigned char ch = *p;

		if (ch < 0x20 || ch == 0x7f || strchr("/\\:*?\"<>|#^[]", ch))
			ch = '-';
		out[len++] = (char)ch;
	}
	/* never half a UTF-8 character at the cut */
	cut = len;
	while (cut > 0 && ((unsigned char)out[cut - 1] & 0xc0) == 0x80)
		cut--;
	if (cut > 0 && ((unsigned char)out[cut - 1] & 0x80)) {
		unsigned char lead = (unsigned char)out[cut - 1];
		size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;

		len = len - (cut - 1) >= need ? len : cut - 1;
	}
	while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == '.'))
		len--;
	out[len] = '\0';
	if (!len)
		snprintf(out, n, "untitled");
}

/* ---- YAML ---- */

/* A double-quoted YAML scalar: every character safe, escapes for the
 * rest. */
static void yaml_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			buf_puts(b, "\\n");
		else if (*p == '\t')
			buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			buf_printf(b, "\\x%02x", *p);
		else
			buf_putc(b, (char)*p);
	}
	buf_putc(b, '"');
}

static void yaml_kv(struct buf *b, const char *key, const char *v)
{
	buf_printf(b, "%s: ", key);
	yaml_str(b, v);
	buf_putc(b, '\n');
}

/* ---- sets of names ----
 * Open addressing over FNV-1a, exact or ignoring ASCII case (as file
 * systems that fold case do), each name with a count: a repertoire of
 * 100 000 entries is checked in linear time. */

struct nameset {
	char **keys;           /* owned; NULL: free slot */
	int *counts;
	size_t cap, n;
	int fold;              /* compare ignoring ASCII case */
};

static uint64_t name_hash(const char *s, int fold)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		h = (h ^ (fold && c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ULL;
	}
	return h;
}

/* The slot of name, or of the free slot where it would go. */
static size_t set_slot(const struct nameset *set, const char *name)
{
	size_t i = (size_t)name_hash(name, set->fold) & (set->cap - 1);

	while (set->keys[i] && (set->fold ? strcasecmp(set->keys[i], name)
				: strcmp(set->keys[i], name)) != 0)
		i = (i + 1) & (set->cap - 1);
	return i;
}

static int set_count(const struct nameset *set, const char *name)
{
	size_t i;

	if (!set->cap)
		return 0;
	i = set_slot(set, name);
	return set->keys[i] ? set->counts[i] : 0;
}

/* Count one more name; -1 on ENOMEM. */
static int set_add(struct nameset *set, const char *name)
{
	size_t i;

	if (2 * (set->n + 1) > set->cap) {
		struct nameset big = { NULL, NULL, set->cap ? set->cap * 2 : 64, 0, set->fold };

		big.keys = calloc(big.cap, sizeof *big.keys);
		big.counts = calloc(big.cap, sizeof *big.counts);
		if (!big.keys || !big.counts) {
			free(big.keys);
			free(big.counts);
			return -1;
		}
		for (size_t k = 0; k < set->cap; k++)
			if (set->keys[k]) {
				size_t j = set_slot(&big, set->keys[k]);

				big.keys[j] = set->keys[k];
				big.counts[j] = set->counts[k];
				big.n++;
			}
		free(set->keys);
		free(set->counts);
		*set = big;
	}
	i = set_slot(set, name);
	if (!set->keys[i]) {
		if (!(set->keys[i] = xstrdup(name)))
			return -1;
		set->n++;
	}
	set->counts[i]++;
	return 0;
}

static void set_done(struct nameset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->keys[i]);
	free(set->keys);
	free(set->counts);
	memset(set, 0, sizeof *set);
}

/* ---- the files of one run ---- */

struct mirror {
	struct db *db;
	const char *dir;
	struct strv old;        /* the manifest of the last run */
	struct nameset old_set; /* ... as a set */
	struct strv names;      /* the files of this run, in order */
	struct nameset lower;   /* ... ignoring case, for clashes */
	struct mirror_report *r;
	char *err;
	size_t errlen;
};

static int was_mine(const struct mirror *m, const char *name)
{
	return set_count(&m->old_set, name) > 0;
}

/* Is name free for this run: not taken by another file of it, and not
 * a file of the user's (there, but not in the last manifest)? */
static int name_free(struct mirror *m, const char *name)
{
	struct stat sb;
	char *path;
	int mine = was_mine(m, name), there;

	if (set_count(&m->lower, name) || strcmp(name, MIRROR_MANIFEST) == 0)
		return 0;
	if (!(path = path_join(m->dir, name)))
		return 0;
	there = lstat(path, &sb) == 0;
	free(path);
	return mine || !there;
}

static int claim(struct mirror *m, const char *name)
{
	if (strv_push(&m->names, name) != 0 || set_add(&m->lower, name) != 0)
		return err_nomem(m->err, m->errlen);
	return COPSE_OK;
}

/* The file name for a title: "Title.md", or "Title-ID.md" when another
 * title of the run spells the same name (clash is 1) or the name is
 * taken.  out gets it. */
static int pick_name(struct mirror *m, const char *title, const char *prefix, long long id,
		     int clash, char *out, size_t n)
{
	char base[MIRROR_NAME_MAX + 1];

	mirror_name(title, base, sizeof base);
	snprintf(out, n, "%s%s.md", prefix, base);
	if (clash || !name_free(m, out))
		snprintf(out, n, "%s%s-%lld.md", prefix, base, id);
	if (!name_free(m, out))
		return err_set(m->err, m->errlen, COPSE_CONFLICT,
			       "%s/%s: a file of yours has that name", m->dir, out);
	return claim(m, out);
}

/* Write text to dir/name: unchanged when it holds that already;
 * replaced when it is a file of an earlier run; else created new. */
static int put_file(struct mirror *m, const char *name, const struct buf *text)
{
	char *path = path_join(m->dir, name), *tmp = NULL, *old = NULL;
	struct stat sb;
	int fd, e = 0, mine = was_mine(m, name);

	if (!path)
		return err_nomem(m->err, m->errlen);
	if (mine && lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && file_read_all(path, &old) == 0 &&
	    strlen(old) == text->len && memcmp(old, text->s, text->len) == 0) {
		free(old);
		free(path);
		m->r->unchanged++;
		return COPSE_OK;
	}
	free(old);
	if ((fd = file_create_beside(path, db_path(m->db), &tmp)) < 0) {
		e = errno;
	} else {
		if (fd_write_all(fd, text->s ? text->s : "", text->len) != 0)
			e = errno;
		if (close(fd) != 0 && !e)
			e = errno;
		/* a file of an earlier run is replaced (rename replaces a
		 * symlink put there, never what it points to); any other
		 * name is taken only while nothing has it */
		if (!e && (mine ? rename(tmp, path) : file_publish_new(tmp, path)) != 0)
			e = errno;
		if (e)
			unlink(tmp);
	}
	free(tmp);
	if (e) {
		int st = err_set(m->err, m->errlen, err_from_errno(e), "%s: %s", path,
				 e == EEXIST ? "a file of yours has that name" : err_text(e));
		free(path);
		return st;
	}
	free(path);
	m->r->written++;
	return COPSE_OK;
}

/* ---- what goes in ---- */

static void entry_file(struct mirror *m, const struct entry *e, struct buf *b)
{
	struct entry_provenance p;

	buf_puts(b, "---\n");
	yaml_kv(b, "title", e->title);
	buf_puts(b, "aliases: [");
	yaml_str(b, e->title);
	buf_puts(b, "]\n");
	yaml_kv(b, "kind", e->kind);
	buf_puts(b, "tags: [");
	for (size_t i = 0; i < e->tags.n; i++) {
		buf_puts(b, i ? ", " : "");
		yaml_str(b, e->tags.v[i]);
	}
	buf_puts(b, "]\n");
	yaml_kv(b, "status", e->status);
	yaml_kv(b, "author", e->author);
	yaml_kv(b, "created", e->created);
	yaml_kv(b, "updated", e->updated);
	buf_printf(b, "date: %.10s\n", e->created);
	buf_printf(b, "copse_id: %lld\n", (long long)e->id);
	if (e->uses)
		buf_printf(b, "used: %d\n", e->uses);
	entry_provenance_init(&p);
	if ((e->source_meeting_id || e->source_note_id) &&
	    entry_provenance(m->db, e->id, &p) == COPSE_OK && p.meeting_id) {
		struct buf what;   /* the whole title, however long */

		buf_init(&what);
		buf_printf(&what, "%s (%.10s)", p.meeting_title, p.meeting_starts);
		yaml_kv(b, "harvested_from", what.s ? what.s : "");
		buf_done(&what);
		if (p.authors.n) {
			buf_puts(b, "harvested_authors: [");
			for (size_t i = 0; i < p.authors.n; i++) {
				buf_puts(b, i ? ", " : "");
				yaml_str(b, p.authors.v[i]);
			}
			buf_puts(b, "]\n");
		}
	}
	entry_provenance_done(&p);
	buf_puts(b, "---\n\n");
	buf_puts(b, e->body);
	if (b->len && b->s[b->len - 1] != '\n')
		buf_putc(b, '\n');
}

/* "[[Title]]", or "[[Title-12|Title]]" when the file is not the title. */
static void index_link(struct buf *b, const char *file, const char *title)
{
	char base[MIRROR_NAME_MAX + 1];
	size_t fl = strlen(file) - 3;   /* without ".md" */

	mirror_name(title, base, sizeof base);
	if (strlen(base) == fl && strncmp(base, file, fl) == 0 && strcmp(base, title) == 0) {
		md_put_wiki(b, title);
		return;
	}
	buf_printf(b, "[[%.*s|", (int)fl, file);
	md_put_text(b, title);
	buf_puts(b, "]]");
}

/* The manifest: a comment, then one name a line. */
static int put_manifest(struct mirror *m, const struct strv *names)
{
	struct buf b;
	int st;

	buf_init(&b);
	buf_puts(&b, "# Files written by copse export --markdown; a later run replaces or\n"
		 "# removes only these.  Your own files here are never touched.\n");
	for (size_t i = 0; i < names->n; i++)
		buf_printf(&b, "%s\n", names->v[i]);
	if (!b.s) {
		buf_done(&b);
		return err_nomem(m->err, m->errlen);
	}
	/* the manifest is always this run's own file */
	if (!was_mine(m, MIRROR_MANIFEST) && (strv_push(&m->old, MIRROR_MANIFEST) != 0 ||
					       set_add(&m->old_set, MIRROR_MANIFEST) != 0))
		st = err_nomem(m->err, m->errlen);
	else
		st = put_file(m, MIRROR_MANIFEST, &b);
	buf_done(&b);
	return st;
}

/* The last run's manifest into m->old: names without '/', not hidden. */
static int read_manifest(struct mirror *m)
{
	char *path = path_join(m->dir, MIRROR_MANIFEST), *text = NULL, *line, *save = NULL;
	struct stat sb;
	int st = COPSE_OK;

	if (!path)
		return err_nomem(m->err, m->errlen);
	if (lstat(path, &sb) != 0) {
		free(path);
		return COPSE_OK;
	}
	if (!S_ISREG(sb.st_mode))
		st = err_set(m->err, m->errlen, COPSE_INVALID, "%s: not a regular file", path);
	else if (file_read_all(path, &text) != 0)
		st = err_set(m->err, m->errlen, err_from_errno(errno), "%s: %s", path,
			     err_text(errno));
	for (line = text ? strtok_r(text, "\n", &save) : NULL; line && st == COPSE_OK;
	     line = strtok_r(NULL, "\n", &save))
		if (*line != '#' && *line != '.' && !strchr(line, '/') && !was_mine(m, line) &&
		    (strv_push(&m->old, line) != 0 || set_add(&m->old_set, line) != 0))
			st = err_nomem(m->err, m->errlen);
	free(text);
	free(path);
	return st;
}

static int open_dir(struct mirror *m)
{
	struct stat sb;

	if (lstat(m->dir, &sb) != 0) {
		if (errno != ENOENT || mkdir(m->dir, 0700) != 0)
			return err_set(m->err, m->errlen, err_from_errno(errno), "%s: %s", m->dir,
				       err_text(errno));
		return COPSE_OK;
	}
	if (S_ISLNK(sb.st_mode))
		return err_set(m->err, m->errlen, COPSE_INVALID,
			       "%s: a symbolic link; not writing through it", m->dir);
	if (!S_ISDIR(sb.st_mode))
		return err_set(m->err, m->errlen, COPSE_INVALID, "%s: not a directory", m->dir);
	return COPSE_OK;
}

/* An entry as the index lists it (read a screenful at a time, without
 * its body). */
struct listed {
	int64_t id;
	char *title, *kind, *status;
	int clash;             /* another title gives the same file name */
};

static void listed_free(struct listed *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].kind);
		free(v[i].status);
	}
	free(v);
}

/* Every entry, by title, without bodies: the store's pages. */
static int list_entries(struct mirror *m, struct listed **out, size_t *n)
{
	struct entry_filter f = { .status = "all" };
	struct page_key key;
	struct page_req r = { .from = NULL, .dir = 1, .incl = 0, .limit = 1000 };
	size_t cap = 0;
	int st = COPSE_OK;

	*out = NULL;
	*n = 0;
	page_key_init(&key);
	for (;;) {
		struct entry *v = NULL;
		size_t got = 0;

		if ((st = entry_page(m->db, &f, &r, &v, &got)) != COPSE_OK) {
			st = err_set(m->err, m->errlen, st, "%s", db_error(m->db));
			break;
		}
		for (size_t i = 0; i < got && st == COPSE_OK; i++) {
			struct listed *l;

			if (*n == cap) {
				size_t nc = cap ? cap * 2 : 256;
				struct listed *nv = realloc(*out, nc * sizeof *nv);

				if (!nv) {
					st = err_nomem(m->err, m->errlen);
					break;
				}
				*out = nv;
				cap = nc;
			}
			l = &(*out)[(*n)++];
			memset(l, 0, sizeof *l);
			l->id = v[i].id;
			if (!(l->title = xstrdup(v[i].title)) || !(l->kind = xstrdup(v[i].kind)) ||
			    !(l->status = xstrdup(v[i].status)))
				st = err_nomem(m->err, m->errlen);
		}
		if (st == COPSE_OK && got == r.limit && entry_key(&f, &v[got - 1], &key) != 0)
			st = err_nomem(m->err, m->errlen);
		entry_list_free(v, got);
		if (st != COPSE_OK || got < r.limit)
			break;
		r.from = &key;
	}
	page_key_done(&key);
	return st;
}

/* Mark the titles whose file names clash (ignoring case) with another's,
 * or with index.md: all of them get "-ID", whatever the order. */
static int clashes(struct listed *v, size_t n)
{
	struct nameset names = { .fold = 1 };
	char base[MIRROR_NAME_MAX + 1];
	int rc = set_add(&names, "index");

	for (size_t i = 0; rc == 0 && i < n; i++) {
		mirror_name(v[i].title, base, sizeof base);
		rc = set_add(&names, base);
	}
	for (size_t i = 0; rc == 0 && i < n; i++) {
		mirror_name(v[i].title, base, sizeof base);
		v[i].clash = set_count(&names, base) > 1;
	}
	set_done(&names);
	return rc;
}

static int write_all(struct mirror *m)
{
	struct listed *v = NULL;
	struct meeting *mt = NULL;
	size_t n = 0, nm = 0;
	char **files = NULL;
	struct buf b, index;
	int st;

	buf_init(&b);
	buf_init(&index);
	if ((st = list_entries(m, &v, &n)) != COPSE_OK)
		goto out;
	if ((st = meeting_list(m->db, NULL, &mt, &nm)) != COPSE_OK) {
		st = err_set(m->err, m->errlen, st, "%s", db_error(m->db));
		goto out;
	}
	files = calloc(n + nm + 1, sizeof *files);
	if (!files || clashes(v, n) != 0) {
		st = err_nomem(m->err, m->errlen);
		goto out;
	}
	if (claim(m, "index.md") != COPSE_OK) {
		st = COPSE_NOMEM;
		goto out;
	}
	/* every name first, so a crash half-way leaves them in the manifest */
	for (size_t i = 0; st == COPSE_OK && i < n + nm; i++) {
		char name[MIRROR_NAME_MAX + 64];

		if (i < n) {
			st = pick_name(m, v[i].title, "", (long long)v[i].id, v[i].clash, name,
				       sizeof name);
		} else {
			const struct meeting *g = &mt[i - n];
			char prefix[64], local[16];

			time_local(g->starts, "%Y-%m-%d", local, sizeof local);
			snprintf(prefix, sizeof prefix, "Minutes %s ", local);
			st = pick_name(m, g->title, prefix, (long long)g->id, 0, name, sizeof name);
		}
		if (st == COPSE_OK && !(files[i] = xstrdup(name)))
			st = err_nomem(m->err, m->errlen);
	}
	if (st == COPSE_OK) {
		struct strv both;

		strv_init(&both);
		for (size_t i = 0; i < m->old.n; i++)
			strv_push(&both, m->old.v[i]);
		for (size_t i = 0; i < m->names.n; i++)
			if (!was_mine(m, m->names.v[i]))
				strv_push(&both, m->names.v[i]);
		st = put_manifest(m, &both);
		strv_done(&both);
		/* put_manifest counted it; the report is about the notes */
		m->r->written = m->r->unchanged = 0;
	}
	buf_puts(&index, "---\ntitle: \"Index\"\n---\n\n# Repertoire\n\n");
	for (size_t i = 0; st == COPSE_OK && i < n; i++) {
		struct entry e;

		/* one entry in memory at a time, body and tags with it */
		if ((st = entry_get(m->db, v[i].id, &e)) != COPSE_OK) {
			st = err_set(m->err, m->errlen, st, "%s", db_error(m->db));
			break;
		}
		buf_reset(&b);
		entry_file(m, &e, &b);
		entry_done(&e);
		st = put_file(m, files[i], &b);
		buf_puts(&index, "- ");
		index_link(&index, files[i], v[i].title);
		buf_printf(&index, " (%s%s%s)\n", v[i].kind,
			   strcmp(v[i].status, "published") ? ", " : "",
			   strcmp(v[i].status, "published") ? v[i].status : "");
	}
	if (nm)
		buf_puts(&index, "\n# Meetings\n\n");
	for (size_t i = 0; st == COPSE_OK && i < nm; i++) {
		const struct meeting *g = &mt[i];
		char local[32];

		buf_reset(&b);
		time_local(g->starts, "%Y-%m-%d %H:%M", local, sizeof local);
		buf_puts(&b, "---\n");
		yaml_kv(&b, "title", g->title);
		yaml_kv(&b, "kind", "minutes");
		yaml_kv(&b, "status", g->status);
		yaml_kv(&b, "starts", g->starts);
		buf_printf(&b, "date: %.10s\ncopse_meeting_id: %lld\n---\n\n", local,
			   (long long)g->id);
		if ((st = minutes_markdown(m->db, g->id, &b)) != COPSE_OK) {
			st = err_set(m->err, m->errlen, st, "%s", db_error(m->db));
			break;
		}
		st = put_file(m, files[n + i], &b);
		buf_puts(&index, "- ");
		index_link(&index, files[n + i], files[n + i]);
		buf_putc(&index, '\n');
	}
	if (st == COPSE_OK)
		st = put_file(m, "index.md", &index);
out:
	for (size_t i = 0; files && i < n + nm; i++)
		free(files[i]);
	free(files);
	listed_free(v, n);
	meeting_list_free(mt, nm);
	buf_done(&b);
	buf_done(&index);
	return st;
}

int mirror_markdown(struct db *db, const char *dir, struct mirror_report *r, char *err,
		    size_t errlen)
{
	struct mirror m = { .db = db, .dir = dir, .r = r, .err = err, .errlen = errlen };
	struct nameset now = { .fold = 0 };
	int st;

	memset(r, 0, sizeof *r);
	strv_init(&m.old);
	strv_init(&m.names);
	m.lower.fold = 1;
	if ((st = open_dir(&m)) == COPSE_OK && (st = read_manifest(&m)) == COPSE_OK)
		st = write_all(&m);
	if (st == COPSE_OK) {
		struct mirror_report keep = *r;

		st = put_manifest(&m, &m.names);
		*r = keep;
	}
	for (size_t i = 0; st == COPSE_OK && i < m.names.n; i++)
		if (set_add(&now, m.names.v[i]) != 0)
			st = err_nomem(err, errlen);
	/* what the last run wrote and this one does not: gone (only plain
	 * files; anything else there now is not ours) */
	for (size_t i = 0; st == COPSE_OK && i < m.old.n; i++) {
		struct stat sb;
		char *path;

		if (set_count(&now, m.old.v[i]) || strcmp(m.old.v[i], MIRROR_MANIFEST) == 0)
			continue;
		if (!(path = path_join(dir, m.old.v[i]))) {
			st = err_nomem(err, errlen);
			break;
		}
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && unlink(path) == 0)
			r->removed++;
		free(path);
	}
	strv_done(&m.old);
	strv_done(&m.names);
	set_done(&m.old_set);
	set_done(&m.lower);
	set_done(&now);
	return st;
}
