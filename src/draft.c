/* draft.c - private drafts: the drafts directory, the draft file (a
 * "Name: value" header, then the text or the name of the file the editor
 * edits), and creating, saving, listing, finding and removing drafts.
 * See draft.h for the directory and the file format. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "copse/draft.h"
#include "copse/status.h"
#include "copse/template.h"
#include "copse/util.h"

#define DRAFT_MAGIC "Copse-Draft"
#define DRAFT_EXT ".draft"

/* ---- the drafts directory ---- */

static int mkdir_one(const char *path, char *err, size_t errlen)
{
	if (mkdir(path, 0700) == 0 || errno == EEXIST)
		return COPSE_OK;
	return err_set(err, errlen, err_from_errno(errno), "%s: cannot create directory: %s",
		       path, strerror(errno));
}

int draft_dir(char **dir, char *err, size_t errlen)
{
	const char *state = getenv("XDG_STATE_HOME");
	struct buf b;
	struct stat st;
	int rc = COPSE_OK;

	*dir = NULL;
	buf_init(&b);
	if (state && state[0] == '/') {
		if (buf_puts(&b, state) != 0)
			goto oom;
		while (b.len > 1 && b.s[b.len - 1] == '/')
			b.s[--b.len] = '\0';
		if ((rc = mkdir_one(b.s, err, errlen)) != COPSE_OK)
			goto out;
	} else {
		const char *home = getenv("HOME");
		struct passwd *pw;

		if (!home || home[0] != '/') {
			pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || !*home) {
			rc = err_set(err, errlen, COPSE_IO,
				     "no home directory for the drafts (set HOME or XDG_STATE_HOME)");
			goto out;
		}
		if (buf_puts(&b, home) != 0)
			goto oom;
		while (b.len > 1 && b.s[b.len - 1] == '/')
			b.s[--b.len] = '\0';
		if (buf_puts(&b, "/.local") != 0)
			goto oom;
		if ((rc = mkdir_one(b.s, err, errlen)) != COPSE_OK)
			goto out;
		if (buf_puts(&b, "/state") != 0)
			goto oom;
		if ((rc = mkdir_one(b.s, err, errlen)) != COPSE_OK)
			goto out;
	}
	if (buf_puts(&b, "/copse") != 0)
		goto oom;
	if ((rc = mkdir_one(b.s, err, errlen)) != COPSE_OK)
		goto out;
	if (buf_puts(&b, "/drafts") != 0)
		goto oom;
	if ((rc = mkdir_one(b.s, err, errlen)) != COPSE_OK)
		goto out;
	/* The directory must be ours and private: drafts may hold anything. */
	if (lstat(b.s, &st) != 0) {
		rc = err_set(err, errlen, err_from_errno(errno), "%s: %s", b.s, strerror(errno));
		goto out;
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != getuid()) {
		rc = err_set(err, errlen, COPSE_PERM,
			     "%s: not a private directory of yours; drafts not written there", b.s);
		goto out;
	}
	if ((st.st_mode & 07777) != 0700 && chmod(b.s, 0700) != 0) {
		rc = err_set(err, errlen, err_from_errno(errno), "%s: cannot make it private: %s",
			     b.s, strerror(errno));
		goto out;
	}
	*dir = buf_steal(&b);
	return COPSE_OK;
oom:
	rc = err_nomem(err, errlen);
out:
	buf_done(&b);
	return rc;
}

/* ---- draft headers ---- */

/* File name prefix from a kind: [a-z0-9] only, at most 16, "text" if none. */
static void kind_prefix(const char *kind, char out[17])
{
	size_t n = 0;

	for (const char *p = kind ? kind : ""; *p && n < 16; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 128)
			out[n++] = (char)tolower(c);
	}
	if (!n)
		strcpy(out, "text");
	else
		out[n] = '\0';
}

static char *abs_db_path(const char *db_path)
{
	char *real;

	if (!db_path || !*db_path)
		return NULL;
	if (strcmp(db_path, ":memory:") != 0 && (real = realpath(db_path, NULL)))
		return real;
	return xstrdup(db_path);
}

/* A header line when there is something to say. */
static int put_some(struct buf *b, const char *name, const char *value)
{
	return value && *value ? template_put_header(b, name, value) : 0;
}

/* Build the header of a draft (ending with the blank line). */
static int draft_header(struct buf *b, const struct draft_meta *m, const char *file)
{
	char now[ISO_LEN], pid[32], host[256], rec[96] = "", ver[16] = "";
	char *db = abs_db_path(m->db_path);
	int rc;

	time_now_iso(now);
	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	if (m->record && *m->record && m->record_id > 0)
		snprintf(rec, sizeof rec, "%.60s %lld", m->record, (long long)m->record_id);
	if (m->version > 0)
		snprintf(ver, sizeof ver, "%d", m->version);
	rc = template_put_header(b, DRAFT_MAGIC, "1") ||
	     template_put_header(b, "Kind", m->kind ? m->kind : "text") ||
	     template_put_header(b, "Context", m->context) ||
	     template_put_header(b, "Database", db) ||
	     put_some(b, "Record", rec) ||
	     (rec[0] && put_some(b, "Record-Created", m->record_created)) ||
	     (rec[0] && put_some(b, "Title", m->title)) ||
	     (rec[0] && put_some(b, "Version", ver)) ||
	     template_put_header(b, "Created", now) ||
	     template_put_header(b, "Pid", pid) ||
	     template_put_header(b, "Host", host) ||
	     (file && template_put_header(b, "File", file)) ||
	     buf_putc(b, '\n');
	free(db);
	return rc ? -1 : 0;
}

/* A file name inside the drafts directory: not empty, no '/', not
 * hidden (so never "." or ".."). */
static int plain_name(const char *name)
{
	return name && *name && name[0] != '.' && !strchr(name, '/');
}

static int valid_id(const char *id)
{
	size_t n = id ? strlen(id) : 0, ext = strlen(DRAFT_EXT);

	return plain_name(id) && n > ext && strcmp(id + n - ext, DRAFT_EXT) == 0;
}

void draft_done(struct draft *d)
{
	if (!d)
		return;
	free(d->id);
	free(d->kind);
	free(d->context);
	free(d->db_path);
	free(d->created);
	free(d->host);
	free(d->record);
	free(d->record_created);
	free(d->title);
	free(d->text);
	free(d->problem);
	memset(d, 0, sizeof *d);
}

void draft_list_free(struct draft *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		draft_done(&v[i]);
	free(v);
}

static int draft_is_live(const struct draft *d)
{
	char host[256];

	if (d->pid <= 0 || d->pid == (long)getpid() || !d->host ||
	    gethostname(host, sizeof host) != 0)
		return 0;
	host[sizeof host - 1] = '\0';
	if (strcmp(host, d->host) != 0)
		return 0;
	return kill((pid_t)d->pid, 0) == 0 || errno == EPERM;
}

/* "KIND ID" (KIND [a-z], ID > 0) into record, *id; 0 ok, -1 not that. */
static int split_record(const char *v, char *record, size_t n, int64_t *id)
{
	char kind[32], *end;
	size_t k = 0;
	long long x;

	while (v[k] >= 'a' && v[k] <= 'z' && k + 1 < sizeof kind)
		k++;
	if (!k || v[k] != ' ')
		return -1;
	memcpy(kind, v, k);
	kind[k] = '\0';
	errno = 0;
	x = strtoll(v + k + 1, &end, 10);
	if (errno || x <= 0 || *end || !isdigit((unsigned char)v[k + 1]))
		return -1;
	snprintf(record, n, "%s", kind);
	*id = x;
	return 0;
}

/* "Record: meeting 12": a malformed value is as if none were there. */
static void parse_record(const char *v, struct draft *d)
{
	char kind[32];
	int64_t id;

	if (split_record(v, kind, sizeof kind, &id) != 0)
		return;
	free(d->record);
	if ((d->record = xstrdup(kind)) != NULL)
		d->record_id = id;
}

static int parse_version(const char *v)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(v, &end, 10);
	return errno || *end || x <= 0 || x > 1000000000 ? 0 : (int)x;
}

/* Parse a draft file's contents.  *file gets the File: value (or NULL).
 * Returns 0, -1 when it is not a draft, -2 on ENOMEM. */
static int draft_parse(const char *s, struct draft *d, char **file)
{
	const char *p = s;
	int first = 1;

	*file = NULL;
	while (*p) {
		const char *e = strchr(p, '\n'), *colon;
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char **slot = NULL, *v;

		if (len && p[len - 1] == '\r')
			len--;
		if (len == 0) {
			p = e ? e + 1 : p + strlen(p);
			break;
		}
		colon = memchr(p, ':', len);
		if (!colon) {
			if (first)
				return -1;
			p = e ? e + 1 : p + len;   /* not a header line: skip it */
			continue;
		}
		if (first) {
			if ((size_t)(colon - p) != strlen(DRAFT_MAGIC) ||
			    strncasecmp(p, DRAFT_MAGIC, strlen(DRAFT_MAGIC)) != 0)
				return -1;
			first = 0;
		}
		v = xstrndup(colon + 1, len - (size_t)(colon + 1 - p));
		if (!v)
			return -2;
		str_trim(v);
#define KEY(k) ((size_t)(colon - p) == strlen(k) && strncasecmp(p, k, strlen(k)) == 0)
		if (KEY("Kind"))
			slot = &d->kind;
		else if (KEY("Context"))
			slot = &d->context;
		else if (KEY("Database"))
			slot = &d->db_path;
		else if (KEY("Created"))
			slot = &d->created;
		else if (KEY("Host"))
			slot = &d->host;
		else if (KEY("File"))
			slot = file;
		else if (KEY("Pid"))
			d->pid = strtol(v, NULL, 10);
		else if (KEY("Record"))
			parse_record(v, d);
		else if (KEY("Record-Created"))
			slot = &d->record_created;
		else if (KEY("Title"))
			slot = &d->title;
		else if (KEY("Version"))
			d->version = parse_version(v);
#undef KEY
		if (slot) {
			free(*slot);
			*slot = v;
		} else {
			free(v);
		}
		if (!e) {
			p += strlen(p);
			break;
		}
		p = e + 1;
	}
	if (first)
		return -1;
	if (!(d->text = xstrdup(p)))
		return -2;
	return 0;
}

/* Draft id cannot come back whole: line `line` of its file holds a NUL
 * byte.  Its text goes (no cut text is ever handed on), its problem
 * says why.  0 on ENOMEM. */
static int refuse_text(struct draft *d, const char *id, const char *file, size_t line)
{
	struct buf b;

	free(d->text);
	d->text = NULL;
	free(d->problem);
	buf_init(&b);
	buf_printf(&b, "draft %s: line %zu of %s holds a NUL byte; copse keeps text only:"
		   " remove it there to recover the draft, or discard it", id, line, file);
	d->problem = buf_steal(&b);
	return d->problem != NULL;
}

/* Load the draft named id in dir.  Also returns the File: name (caller
 * frees) when file is not NULL. */
static int draft_read(const char *dir, const char *id, struct draft *d,
		      char **filep, char *err, size_t errlen)
{
	char *path = path_join(dir, id), *s = NULL, *file = NULL;
	size_t len, line;
	int rc;

	memset(d, 0, sizeof *d);
	if (filep)
		*filep = NULL;
	if (!path)
		return err_nomem(err, errlen);
	if (file_read_len(path, &s, &len) != 0) {
		rc = errno == ENOENT ? err_set(err, errlen, COPSE_NOTFOUND, "draft %s: no such draft", id)
		     : errno == ENOMEM ? err_nomem(err, errlen)
		     : err_set(err, errlen, err_from_errno(errno), "%s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	free(path);
	rc = draft_parse(s, d, &file);
	/* a NUL would cut the text there: keep the draft whole, say why */
	if (rc == 0 && (line = str_nul_line(s, len)) > 0 && !refuse_text(d, id, id, line))
		rc = -2;
	free(s);
	if (rc == -1) {
		draft_done(d);
		return err_set(err, errlen, COPSE_INVALID, "draft %s: not a copse draft", id);
	}
	if (rc == -2 || !(d->id = xstrdup(id)))
		goto oom;
	if (plain_name(file)) {
		char *fpath = path_join(dir, file), *text = NULL;
		if (!fpath)
			goto oom;
		if (file_read_len(fpath, &text, &len) == 0) {
			free(d->text);
			d->text = text;
			if ((line = str_nul_line(text, len)) > 0 && !refuse_text(d, id, file, line)) {
				free(fpath);
				goto oom;
			}
		}
		free(fpath);
	}
	d->live = draft_is_live(d);
	if (filep)
		*filep = file;
	else
		free(file);
	return COPSE_OK;
oom:
	free(file);
	draft_done(d);
	return err_nomem(err, errlen);
}

int draft_load(const char *id, struct draft *out, char *err, size_t errlen)
{
	char *dir;
	int rc;

	memset(out, 0, sizeof *out);
	if (!valid_id(id))
		return err_set(err, errlen, COPSE_INVALID, "draft %s: not a draft name", id ? id : "");
	if ((rc = draft_dir(&dir, err, errlen)) != COPSE_OK)
		return rc;
	rc = draft_read(dir, id, out, NULL, err, errlen);
	free(dir);
	if (rc == COPSE_OK && out->problem) {
		rc = err_set(err, errlen, COPSE_INVALID, "%s", out->problem);
		draft_done(out);
	}
	return rc;
}

int draft_discard(const char *id, char *err, size_t errlen)
{
	struct draft d;
	char *dir, *file = NULL, *path;
	int rc;

	if (!valid_id(id))
		return err_set(err, errlen, COPSE_INVALID, "draft %s: not a draft name", id ? id : "");
	if ((rc = draft_dir(&dir, err, errlen)) != COPSE_OK)
		return rc;
	rc = draft_read(dir, id, &d, &file, err, errlen);
	draft_done(&d);
	if (rc == COPSE_NOTFOUND) {
		free(dir);
		return COPSE_OK;
	}
	if (rc == COPSE_NOMEM)
		goto out;
	rc = COPSE_OK;
	if (plain_name(file)) {
		if (!(path = path_join(dir, file))) {
			rc = err_nomem(err, errlen);
			goto out;
		}
		if (unlink(path) != 0 && errno != ENOENT)
			rc = err_set(err, errlen, err_from_errno(errno), "%s: %s", path, strerror(errno));
		free(path);
		if (rc)
			goto out;
	}
	if (!(path = path_join(dir, id))) {
		rc = err_nomem(err, errlen);
		goto out;
	}
	if (unlink(path) != 0 && errno != ENOENT)
		rc = err_set(err, errlen, err_from_errno(errno), "%s: %s", path, strerror(errno));
	free(path);
out:
	free(file);
	free(dir);
	return rc;
}

/* Write contents to dir/name atomically: temporary file, fsync, rename. */
static int write_atomic(const char *dir, const char *name, const char *s, size_t n,
			char *err, size_t errlen)
{
	char *tmp = path_join(dir, ".tmp-XXXXXX"), *path = path_join(dir, name);
	int fd = -1, rc = COPSE_OK;

	if (!tmp || !path) {
		rc = err_nomem(err, errlen);
		goto out;
	}
	if ((fd = mkstemp(tmp)) < 0) {
		rc = err_set(err, errlen, err_from_errno(errno), "%s: cannot create a draft: %s",
			     dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, 0600) != 0 || fd_write_all(fd, s, n) != 0 || fsync(fd) != 0) {
		rc = err_set(err, errlen, err_from_errno(errno), "%s: cannot write: %s", tmp,
			     strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		rc = err_set(err, errlen, err_from_errno(errno), "%s: cannot write: %s", path,
			     strerror(errno));
		unlink(tmp);
	}
out:
	free(tmp);
	free(path);
	return rc;
}

/* ---- claiming a kept draft ---- */

/* The header of raw draft text s (len bytes) with its Pid and Host lines
 * made this process's; everything else, the text too, as it was. */
static int reown(const char *s, size_t len, struct buf *b)
{
	char pid[32], host[256];
	const char *p = s, *end = s + len;

	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		size_t n = e ? (size_t)(e - p) : (size_t)(end - p);

		if (n == 0 || (n == 1 && p[0] == '\r'))
			break;      /* the blank line: the text follows */
		if (!((n > 4 && strncasecmp(p, "Pid:", 4) == 0) ||
		      (n > 5 && strncasecmp(p, "Host:", 5) == 0)) &&
		    (buf_add(b, p, n) != 0 || buf_putc(b, '\n') != 0))
			return -1;
		p = e ? e + 1 : end;
	}
	if (template_put_header(b, "Pid", pid) != 0 ||
	    (host[0] && template_put_header(b, "Host", host) != 0))
		return -1;
	return buf_add(b, p, (size_t)(end - p));
}

int draft_claim(const char *id, struct draft *out, char *err, size_t errlen)
{
	char *dir = NULL, *lock = NULL, *path = NULL, *raw = NULL;
	char host[256];
	size_t len;
	struct buf b;
	int fd = -1, rc;

	memset(out, 0, sizeof *out);
	buf_init(&b);
	if (!valid_id(id))
		return err_set(err, errlen, COPSE_INVALID, "draft %s: not a draft name", id ? id : "");
	if ((rc = draft_dir(&dir, err, errlen)) != COPSE_OK)
		return rc;
	if (!(lock = path_join(dir, ".claim.lock")) || !(path = path_join(dir, id))) {
		rc = err_nomem(err, errlen);
		goto out;
	}
	/* one claim at a time: read, see whose it is, make it ours */
	if ((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0 ||
	    flock(fd, LOCK_EX) != 0) {
		rc = err_set(err, errlen, err_from_errno(errno), "%s: %s", lock, strerror(errno));
		goto out;
	}
	if ((rc = draft_read(dir, id, out, NULL, err, errlen)) != COPSE_OK)
		goto out;
	if (out->live) {
		draft_done(out);
		rc = err_set(err, errlen, COPSE_BUSY, "draft %s: recovered in another session", id);
		goto out;
	}
	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	if (out->pid == (long)getpid() && out->host && strcmp(out->host, host) == 0)
		goto out;       /* ours already */
	if (file_read_len(path, &raw, &len) != 0) {
		rc = errno == ENOENT ? err_set(err, errlen, COPSE_NOTFOUND, "draft %s: no such draft", id)
		     : err_set(err, errlen, err_from_errno(errno), "%s: %s", path, strerror(errno));
		draft_done(out);
		goto out;
	}
	if (reown(raw, len, &b) != 0) {
		rc = err_nomem(err, errlen);
		draft_done(out);
		goto out;
	}
	if ((rc = write_atomic(dir, id, b.s, b.len, err, errlen)) != COPSE_OK) {
		draft_done(out);
		goto out;
	}
	out->pid = (long)getpid();
	free(out->host);
	out->host = xstrdup(host);
out:
	if (fd >= 0)
		close(fd);     /* and the lock with it */
	buf_done(&b);
	free(raw);
	free(path);
	free(lock);
	free(dir);
	return rc;
}

int draft_save(const char *kind, const char *context, const char *db_path,
	       const char *text, char **id, char *err, size_t errlen)
{
	struct draft_meta m = { .kind = kind, .context = context, .db_path = db_path };

	return draft_save_meta(&m, text, id, err, errlen);
}

int draft_save_meta(const struct draft_meta *m, const char *text, char **id,
		    char *err, size_t errlen)
{
	const char *kind = m->kind;
	char *dir = NULL, *name = NULL, prefix[17];
	struct buf b;
	int rc;

	if (*id && !valid_id(*id))
		return err_set(err, errlen, COPSE_INVALID, "draft %s: not a draft name", *id);
	if ((rc = draft_dir(&dir, err, errlen)) != COPSE_OK)
		return rc;
	buf_init(&b);
	if (draft_header(&b, m, NULL) != 0 ||
	    buf_puts(&b, text ? text : "") != 0) {
		rc = err_nomem(err, errlen);
		goto out;
	}
	if (*id) {
		rc = write_atomic(dir, *id, b.s, b.len, err, errlen);
		goto out;
	}
	/* A new draft: reserve a unique name, then replace it atomically. */
	kind_prefix(kind, prefix);
	{
		struct buf p;
		int fd;

		buf_init(&p);
		if (buf_printf(&p, "%s/%s-XXXXXX" DRAFT_EXT, dir, prefix) != 0) {
			buf_done(&p);
			rc = err_nomem(err, errlen);
			goto out;
		}
		if ((fd = mkstemps(p.s, (int)strlen(DRAFT_EXT))) < 0) {
			rc = err_set(err, errlen, err_from_errno(errno), "%s: cannot create a draft: %s",
				     dir, strerror(errno));
			buf_done(&p);
			goto out;
		}
		close(fd);
		name = xstrdup(strrchr(p.s, '/') + 1);
		if (!name) {
			unlink(p.s);
			buf_done(&p);
			rc = err_nomem(err, errlen);
			goto out;
		}
		rc = write_atomic(dir, name, b.s, b.len, err, errlen);
		if (rc != COPSE_OK) {
			unlink(p.s);
			free(name);
			name = NULL;
		}
		buf_done(&p);
	}
	*id = name;
out:
	buf_done(&b);
	free(dir);
	return rc;
}

static int draft_cmp(const void *a, const void *b)
{
	const struct draft *x = a, *y = b;
	int c = strcmp(x->created ? x->created : "", y->created ? y->created : "");

	return c ? c : strcmp(x->id, y->id);
}

int draft_list(const char *db_path, struct draft **out, size_t *n,
		       char *err, size_t errlen)
{
	struct draft *v = NULL;
	size_t cnt = 0, cap = 0;
	char *dir = NULL, *want = NULL;
	struct dirent *de;
	DIR *dp;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = draft_dir(&dir, err, errlen)) != COPSE_OK)
		return rc;
	if (db_path && !(want = abs_db_path(db_path))) {
		free(dir);
		return err_nomem(err, errlen);
	}
	if (!(dp = opendir(dir))) {
		rc = errno == ENOENT ? COPSE_OK
		     : err_set(err, errlen, err_from_errno(errno), "%s: %s", dir, strerror(errno));
		goto out;
	}
	while ((de = readdir(dp))) {
		struct draft d;
		char *have;

		if (!valid_id(de->d_name))
			continue;
		rc = draft_read(dir, de->d_name, &d, NULL, err, errlen);
		if (rc == COPSE_NOMEM)
			break;
		rc = COPSE_OK;
		if (!d.id)
			continue;   /* vanished or not ours */
		if (want && d.db_path && *d.db_path) {
			have = abs_db_path(d.db_path);
			int same = have && strcmp(have, want) == 0;
			free(have);
			if (!same) {
				draft_done(&d);
				continue;
			}
		}
		if (cnt == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct draft *nv = realloc(v, ncap * sizeof *nv);
			if (!nv) {
				draft_done(&d);
				rc = err_nomem(err, errlen);
				break;
			}
			v = nv;
			cap = ncap;
		}
		v[cnt++] = d;
	}
	closedir(dp);
	if (rc != COPSE_OK) {
		draft_list_free(v, cnt);
		goto out;
	}
	if (cnt)
		qsort(v, cnt, sizeof *v, draft_cmp);
	*out = v;
	*n = cnt;
out:
	free(want);
	free(dir);
	return rc;
}

int draft_of_db(const struct draft *d, const char *db_path)
{
	char *have, *want;
	int same;

	if (!d->db_path || !*d->db_path || !db_path || !*db_path)
		return 0;
	have = abs_db_path(d->db_path);
	want = abs_db_path(db_path);
	same = have && want && strcmp(have, want) == 0;
	free(have);
	free(want);
	return same;
}

int draft_record(const struct draft *d, char *record, size_t n, int64_t *id)
{
	const char *c = d->context ? d->context : "";

	*id = 0;
	if (d->record && d->record_id > 0) {
		snprintf(record, n, "%s", d->record);
		*id = d->record_id;
		return 1;
	}
	if (split_record(c, record, n, id) == 0)
		return 1;
	*id = 0;
	if (strncmp(c, "new ", 4) == 0 && c[4])
		snprintf(record, n, "%s", c + 4);
	else
		snprintf(record, n, "%s", d->kind ? d->kind : "text");
	return 0;
}

int draft_is_for(const struct draft *d, const char *db_path, const char *record,
		 int64_t id, const char *created)
{
	char rec[32];
	int64_t rid;

	if (d->db_path && *d->db_path && !draft_of_db(d, db_path))
		return 0;
	if (!draft_record(d, rec, sizeof rec, &rid))
		return 0;
	if (strcmp(rec, record) != 0 || rid != id)
		return 0;
	if (!d->db_path || !*d->db_path || !d->record || !d->record_created ||
	    !*d->record_created || !created)
		return -1;
	return strcmp(d->record_created, created) == 0;
}

int draft_find(const char *db_path, const char *kind, const char *context,
	       const char *record_created, struct draft *out, char *err, size_t errlen)
{
	struct draft *v = NULL;
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = draft_list(db_path, &v, &n, err, errlen)) != COPSE_OK)
		return rc;
	rc = COPSE_NOTFOUND;
	for (size_t i = n; i-- > 0;) {       /* newest first */
		const struct draft *d = &v[i];

		char rec[32];
		int64_t rid;

		if (draft_record(d, rec, sizeof rec, &rid) &&
		    draft_is_for(d, db_path, rec, rid, record_created) == 0)
			continue;
		if (!d->live && d->kind && strcmp(d->kind, kind) == 0 && d->context &&
		    strcmp(d->context, context) == 0 && d->problem) {
			rc = err_set(err, errlen, COPSE_INVALID, "%s", d->problem);
			break;
		}
		if (!d->live && d->kind && strcmp(d->kind, kind) == 0 && d->context &&
		    strcmp(d->context, context) == 0 && !str_empty(d->text)) {
			*out = v[i];
			memset(&v[i], 0, sizeof v[i]);
			rc = COPSE_OK;
			break;
		}
	}
	draft_list_free(v, n);
	return rc;
}

/* Create KIND-XXXXXX.md in dir with the initial text and KIND-XXXXXX.draft
 * beside it. */
static int create_in(const char *dir, const struct draft_meta *m, const char *initial,
		     char **id, char **path, char *err, size_t errlen)
{
	char prefix[17];
	size_t ilen = strlen(initial);

	kind_prefix(m->kind, prefix);
	for (int tries = 0; tries < 20; tries++) {
		struct buf p, h;
		char *draft, *base;
		int fd, hfd, e;

		buf_init(&p);
		if (buf_printf(&p, "%s/%s-XXXXXX.md", dir, prefix) != 0) {
			buf_done(&p);
			return err_nomem(err, errlen);
		}
		if ((fd = mkstemps(p.s, 3)) < 0) {
			e = errno;
			buf_done(&p);
			return err_set(err, errlen, err_from_errno(e), "%s: cannot create a draft: %s",
				       dir, strerror(e));
		}
		/* A final newline, as editors expect; "changed" ignores it. */
		if (fchmod(fd, 0600) != 0 || fd_write_all(fd, initial, ilen) != 0 ||
		    (ilen && initial[ilen - 1] != '\n' && fd_write_all(fd, "\n", 1) != 0) ||
		    close(fd) != 0) {
			e = errno;
			unlink(p.s);
			buf_done(&p);
			return err_set(err, errlen, err_from_errno(e), "cannot write a draft in %s: %s",
				       dir, strerror(e));
		}
		/* the header file: same name with .draft instead of .md */
		base = strrchr(p.s, '/') + 1;
		buf_init(&h);
		draft = malloc(p.len - 3 + sizeof DRAFT_EXT);
		if (!draft || draft_header(&h, m, base) != 0) {
			unlink(p.s);
			free(draft);
			buf_done(&p);
			buf_done(&h);
			return err_nomem(err, errlen);
		}
		memcpy(draft, p.s, p.len - 3);
		memcpy(draft + p.len - 3, DRAFT_EXT, sizeof DRAFT_EXT);
		hfd = open(draft, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (hfd < 0 && errno == EEXIST) {
			/* a quick-note draft took the name: try another */
			unlink(p.s);
			free(draft);
			buf_done(&p);
			buf_done(&h);
			continue;
		}
		if (hfd < 0 || fd_write_all(hfd, h.s, h.len) != 0 || close(hfd) != 0) {
			e = errno;
			unlink(p.s);
			unlink(draft);
			free(draft);
			buf_done(&p);
			buf_done(&h);
			return err_set(err, errlen, err_from_errno(e), "cannot write a draft in %s: %s",
				       dir, strerror(e));
		}
		buf_done(&h);
		if (!(*id = xstrdup(strrchr(draft, '/') + 1))) {
			unlink(p.s);
			unlink(draft);
			free(draft);
			buf_done(&p);
			return err_nomem(err, errlen);
		}
		free(draft);
		*path = buf_steal(&p);   /* p.s is set: no allocation */
		return COPSE_OK;
	}
	return err_set(err, errlen, COPSE_IO, "%s: cannot find a free draft name", dir);
}

int draft_create(const char *kind, const char *context, const char *db_path,
		 const char *initial, char **id, char **path, char *err, size_t errlen)
{
	struct draft_meta m = { .kind = kind, .context = context, .db_path = db_path };

	return draft_create_meta(&m, initial, id, path, err, errlen);
}

int draft_create_meta(const struct draft_meta *m, const char *initial, char **id,
		      char **path, char *err, size_t errlen)
{
	char *dir;
	int rc;

	*id = *path = NULL;
	if ((rc = draft_dir(&dir, err, errlen)) != COPSE_OK)
		return rc;
	rc = create_in(dir, m, initial ? initial : "", id, path, err, errlen);
	free(dir);
	return rc;
}
