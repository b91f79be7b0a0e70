/* mirror.c - the repertoire as a directory of Markdown files (see
 * mirror.h). */
#include <errno.h>
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

/* ---- the files of one run ---- */

struct mirror {
	struct db *db;
	const char *dir;
	struct strv old;        /* the manifest of the last run */
	struct strv names;      /* the files of this run, in order */
	struct strv lower;      /* ... lower-cased, for clashes */
	struct mirror_report *r;
	char *err;
	size_t errlen;
};

static int lower_has(const struct strv *sv, const char *name)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcasecmp(sv->v[i], name) == 0)
			return 1;
	return 0;
}

/* Is name free for this run: not taken by another file of it, and not
 * a file of the user's (there, but not in the last manifest)? */
static int name_free(struct mirror *m, const char *name)
{
	struct stat sb;
	char *path;
	int mine = strv_contains(&m->old, name), there;

	if (lower_has(&m->lower, name) || strcmp(name, MIRROR_MANIFEST) == 0)
		return 0;
	if (!(path = path_join(m->dir, name)))
		return 0;
	there = lstat(path, &sb) == 0;
	free(path);
	return mine || !there;
}

static int claim(struct mirror *m, const char *name)
{
	if (strv_push(&m->names, name) != 0 || strv_push(&m->lower, name) != 0)
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
	int fd, e = 0, mine = strv_contains(&m->old, name);

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
		char what[512];

		snprintf(what, sizeof what, "%s (%.10s)", p.meeting_title, p.meeting_starts);
		yaml_kv(b, "harvested_from", what);
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
	if (!strv_contains(&m->old, MIRROR_MANIFEST) && strv_push(&m->old, MIRROR_MANIFEST) != 0)
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
		if (*line != '#' && *line != '.' && !strchr(line, '/') && strv_push(&m->old, line) != 0)
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

/* Names of titles that clash with another's (ignoring case): flags[i]. */
static int clashes(char **titles, size_t n, char **flags)
{
	char (*names)[MIRROR_NAME_MAX + 1] = calloc(n ? n : 1, sizeof *names);

	*flags = calloc(n ? n : 1, 1);
	if (!names || !*flags) {
		free(names);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		mirror_name(titles[i], names[i], sizeof names[i]);
	/* sorting would be faster; titles that share a name are few and
	 * this keeps every clashing one suffixed, whatever the order */
	for (size_t i = 0; i < n; i++) {
		if (strcasecmp(names[i], "index") == 0)
			(*flags)[i] = 1;
		for (size_t k = i + 1; k < n; k++)
			if (strcasecmp(names[i], names[k]) == 0)
				(*flags)[i] = (*flags)[k] = 1;
	}
	free(names);
	return 0;
}

static int write_all(struct mirror *m)
{
	static const struct entry_filter every = { .status = "all" };
	struct entry *v = NULL;
	struct meeting *mt = NULL;
	size_t n = 0, nm = 0;
	char **titles = NULL, *flags = NULL, **files = NULL;
	struct buf b, index;
	int st;

	buf_init(&b);
	buf_init(&index);
	if ((st = entry_list(m->db, &every, &v, &n)) != COPSE_OK ||
	    (st = meeting_list(m->db, NULL, &mt, &nm)) != COPSE_OK) {
		st = err_set(m->err, m->errlen, st, "%s", db_error(m->db));
		goto out;
	}
	titles = calloc(n + 1, sizeof *titles);
	files = calloc(n + nm + 1, sizeof *files);
	if (!titles || !files) {
		st = err_nomem(m->err, m->errlen);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		titles[i] = v[i].title;
	if (clashes(titles, n, &flags) != 0) {
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
			st = pick_name(m, v[i].title, "", (long long)v[i].id, flags[i], name,
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
			if (!strv_contains(&both, m->names.v[i]))
				strv_push(&both, m->names.v[i]);
		st = put_manifest(m, &both);
		strv_done(&both);
		/* put_manifest counted it; the report is about the notes */
		m->r->written = m->r->unchanged = 0;
	}
	buf_puts(&index, "---\ntitle: \"Index\"\n---\n\n# Repertoire\n\n");
	for (size_t i = 0; st == COPSE_OK && i < n; i++) {
		buf_reset(&b);
		entry_file(m, &v[i], &b);
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
	free(titles);
	free(flags);
	entry_list_free(v, n);
	meeting_list_free(mt, nm);
	buf_done(&b);
	buf_done(&index);
	return st;
}

int mirror_markdown(struct db *db, const char *dir, struct mirror_report *r, char *err,
		    size_t errlen)
{
	struct mirror m = { .db = db, .dir = dir, .r = r, .err = err, .errlen = errlen };
	int st;

	memset(r, 0, sizeof *r);
	strv_init(&m.old);
	strv_init(&m.names);
	strv_init(&m.lower);
	if ((st = open_dir(&m)) == COPSE_OK && (st = read_manifest(&m)) == COPSE_OK)
		st = write_all(&m);
	if (st == COPSE_OK) {
		struct mirror_report keep = *r;

		st = put_manifest(&m, &m.names);
		*r = keep;
	}
	/* what the last run wrote and this one does not: gone (only plain
	 * files; anything else there now is not ours) */
	for (size_t i = 0; st == COPSE_OK && i < m.old.n; i++) {
		struct stat sb;
		char *path;

		if (strv_contains(&m.names, m.old.v[i]) || strcmp(m.old.v[i], MIRROR_MANIFEST) == 0)
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
	strv_done(&m.lower);
	return st;
}
