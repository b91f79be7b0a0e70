/* db-file.c - the database's files on disk, beside what SQLite does with
 * them: a new database made private; whether this user may write it (the
 * file, its directory, where SQLite keeps the -wal and -shm files, and
 * -wal/-shm files someone else left); how someone who may only read
 * opens it without creating files that would lock its owner out; and
 * the set-up of a database a Unix group shares (db_share_group).
 *
 * SQLite gives a new -wal or -shm file the permission bits of the
 * database (whatever the umask), and the group of the directory when it
 * is setgid.  So a database that is 0660 in a setgid directory of its
 * group stays usable by every member, and a private one stays private.
 *
 * Who may only read must not create -wal and -shm: they would be theirs,
 * with the database's mode, and its owner could no longer write.  While
 * a writer has the database open they exist (and stay, held by the
 * reader, when the writer leaves); when they do not, a reader opens the
 * file immutable (no locks, no files) and reopens it as soon as a writer
 * appears or the file changes (db_data_version calls dbfile_refresh).
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copse/util.h"
#include "store.h"

/* ---- names ---- */

/* "alice", or "uid 1234" without a passwd entry. */
static void user_name(uid_t uid, char *out, size_t n)
{
	struct passwd *pw = getpwuid(uid);

	if (pw && pw->pw_name)
		snprintf(out, n, "%s", pw->pw_name);
	else
		snprintf(out, n, "uid %ld", (long)uid);
}

static void group_name(gid_t gid, char *out, size_t n)
{
	struct group *gr = getgrgid(gid);

	if (gr && gr->gr_name)
		snprintf(out, n, "%s", gr->gr_name);
	else
		snprintf(out, n, "gid %ld", (long)gid);
}

/* "owner alice, group staff, mode 0644" for a message. */
static void describe(const struct stat *sb, char *out, size_t n)
{
	char who[64], grp[64];

	user_name(sb->st_uid, who, sizeof who);
	group_name(sb->st_gid, grp, sizeof grp);
	snprintf(out, n, "owner %s, group %s, mode %04o", who, grp,
		 (unsigned)(sb->st_mode & 07777));
}

/* The file SQLite really opens (it follows symlinks) and the names of
 * its -wal and -shm files and directory, in *f. */
struct db_files {
	char real[PATH_MAX];
	char wal[PATH_MAX + 8];
	char shm[PATH_MAX + 8];
	char dir[PATH_MAX];
};

static void files_of(const char *path, struct db_files *f)
{
	char tmp[PATH_MAX];

	if (!realpath(path, f->real))
		snprintf(f->real, sizeof f->real, "%s", path);
	snprintf(f->wal, sizeof f->wal, "%s-wal", f->real);
	snprintf(f->shm, sizeof f->shm, "%s-shm", f->real);
	snprintf(tmp, sizeof tmp, "%s", f->real);
	snprintf(f->dir, sizeof f->dir, "%s", dirname(tmp));
}

/* ---- a new file ---- */

/* Create the parent directories of path (one level of XDG dirs may be
 * missing, so go up the chain), private. */
static void make_parent_dirs(const char *path)
{
	char *dup = xstrdup(path), *p;

	if (!dup)
		return;
	for (p = dup + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dup, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			break;
		}
		*p = '/';
	}
	free(dup);
}

/* PERM: a directory on the way to the database (path: db->path, or
 * where its symbolic link points) does not let us in. */
static int no_entry(struct db *db, const char *path)
{
	char up[PATH_MAX], what[200], *slash;
	struct stat sb;

	snprintf(up, sizeof up, "%s", path);
	/* the innermost directory we can see but not search */
	while ((slash = strrchr(up, '/')) != NULL && slash != up) {
		*slash = '\0';
		if (stat(up, &sb) == 0 && access(up, X_OK) != 0) {
			describe(&sb, what, sizeof what);
			return db_fail(db, COPSE_PERM, "%s: permission denied: you may not enter %s "
				       "(%s)", db->path, up, what);
		}
	}
	return db_fail(db, COPSE_PERM, "%s: permission denied", db->path);
}

int dbfile_create(struct db *db)
{
	struct stat sb;
	int fd, e;

	if (lstat(db->path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode) && stat(db->path, &sb) != 0) {
			char to[PATH_MAX], dir[PATH_MAX], full[2 * PATH_MAX];
			ssize_t n;

			/* there, but behind a directory we may not enter */
			if (errno == EACCES && (n = readlink(db->path, to, sizeof to - 1)) > 0) {
				to[n] = '\0';
				snprintf(dir, sizeof dir, "%s", db->path);
				snprintf(full, sizeof full, "%s%s%s", to[0] == '/' ? "" : dirname(dir),
					 to[0] == '/' ? "" : "/", to);
				return no_entry(db, full);
			}
			return db_fail(db, COPSE_INVALID, "%s: a symbolic link to a missing file; "
				       "not creating a database through it", db->path);
		}
		return COPSE_OK;
	}
	if (errno == EACCES)
		return no_entry(db, db->path);
	make_parent_dirs(db->path);
	fd = open(db->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		char *dir;

		if (errno == EEXIST)
			return COPSE_OK;
		if (errno != EACCES || !(dir = xstrdup(db->path)))
			return db_fail(db, err_from_errno(errno), "%s: cannot create the database: %s",
				       db->path, err_text(errno));
		db_fail(db, COPSE_PERM, "%s: cannot create the database: the directory %s "
			"is not writable for you", db->path, dirname(dir));
		free(dir);
		return COPSE_PERM;
	}
	e = fchmod(fd, 0600) != 0 ? errno : 0;
	if (close(fd) != 0 && !e)
		e = errno;
	if (e) {
		unlink(db->path);
		return db_fail(db, err_from_errno(e), "%s: cannot create the database: %s",
			       db->path, err_text(e));
	}
	db->created = 1;
	return COPSE_OK;
}

/* ---- may this user write? ---- */

/* 1 when some process has the -shm file open: SQLite holds a read lock
 * on its byte 128 (the "dead man switch") while it uses the database.
 * Called before this process opens the database, so closing the
 * descriptor drops no lock of ours. */
static int shm_in_use(const char *shm)
{
	struct flock fl;
	int fd = open(shm, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), busy;

	if (fd < 0)
		return 0;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 128;
	fl.l_len = 1;
	busy = fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type != F_UNLCK;
	close(fd);
	return busy;
}

static void set_readonly(struct db *db, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_readonly(struct db *db, const char *fmt, ...)
{
	va_list ap;

	db->readonly = 1;
	va_start(ap, fmt);
	vsnprintf(db->ro_why, sizeof db->ro_why, fmt, ap);
	va_end(ap);
}

/* -wal or -shm beside a database this user may write, but which is not
 * writable for them: left by someone who may only read (an older copse,
 * the sqlite3 shell), or made in a directory without the setgid bit.
 * Unused and empty, they hold nothing and go; else the user may read,
 * and is told which file it is and what to do. */
static void check_leftovers(struct db *db, const struct db_files *f, const struct stat *dbst)
{
	const char *bad = NULL;
	struct stat wal, shm, *st;
	int has_wal = lstat(f->wal, &wal) == 0, has_shm = lstat(f->shm, &shm) == 0;
	char what[200], owner[64], grp[64], dbgrp[64], me[64];

	/* refused, not gone: the last connection of another process
	 * removes the -wal at any moment (a race seen with 16 writers) */
	if (has_wal && access(f->wal, R_OK | W_OK) != 0 && errno != ENOENT)
		bad = f->wal, st = &wal;
	else if (has_shm && access(f->shm, R_OK | W_OK) != 0 && errno != ENOENT)
		bad = f->shm, st = &shm;
	if (!bad)
		return;
	if (!shm_in_use(f->shm) && (!has_wal || wal.st_size == 0)) {
		/* nobody uses them and the log is empty: nothing to lose */
		if ((!has_wal || unlink(f->wal) == 0 || errno == ENOENT) &&
		    (!has_shm || unlink(f->shm) == 0 || errno == ENOENT))
			return;
	}
	describe(st, what, sizeof what);
	user_name(st->st_uid, owner, sizeof owner);
	user_name(getuid(), me, sizeof me);
	group_name(st->st_gid, grp, sizeof grp);
	group_name(dbst->st_gid, dbgrp, sizeof dbgrp);
	if ((dbst->st_mode & 0060) == 0060 && st->st_gid != dbst->st_gid)
		set_readonly(db, "read-only for you: %s has group %s, not the database's group %s, "
			     "because the directory lacks its setgid bit; fix: chgrp %s %s %s "
			     "&& chmod g+s %s", bad, grp, dbgrp, dbgrp, f->wal, f->shm, f->dir);
	else if (shm_in_use(f->shm))
		set_readonly(db, "read-only for you: %s (%s) is not writable for you; it was left by "
			     "someone who may only read, and goes once nobody has the database open",
			     bad, what);
	else
		set_readonly(db, "read-only for you: %s (%s) is not writable for you and holds changes "
			     "not yet in the database; ask %s or an administrator to run: chown %s %s %s",
			     bad, what, owner, me, f->wal, f->shm);
}

/* Someone who may only read opens the database through the -wal and
 * -shm a writer made; made before the database was shared with them
 * (chmod o+r later), those keep their old mode and SQLite says only
 * "unable to open database file".  Name the file and the fix. */
static int check_logs_readable(struct db *db, const struct db_files *f)
{
	const char *logs[] = { f->wal, f->shm };
	struct stat sb;
	char what[200];

	for (size_t i = 0; i < sizeof logs / sizeof *logs; i++) {
		if (lstat(logs[i], &sb) != 0 || access(logs[i], R_OK) == 0 || errno != EACCES)
			continue;
		describe(&sb, what, sizeof what);
		return db_fail(db, COPSE_PERM, "%s: permission denied: %s (%s) is not readable "
			       "for you; it goes once nobody has the database open, or its owner "
			       "can run: chmod --reference=%s %s %s", db->path, logs[i], what,
			       f->real, f->wal, f->shm);
	}
	return COPSE_OK;
}

int dbfile_check_write(struct db *db)
{
	struct db_files f;
	struct stat sb, dir;
	char what[200];

	files_of(db->path, &f);
	if (stat(f.real, &sb) != 0)
		return COPSE_OK;         /* sqlite3_open says why */
	if (access(f.real, R_OK) != 0 && errno == EACCES) {
		describe(&sb, what, sizeof what);
		return db_fail(db, COPSE_PERM, "%s: permission denied: the file (%s) is not "
			       "readable for you; its owner may share it with a group: "
			       "copse init --group", db->path, what);
	}
	if (access(f.real, W_OK) != 0) {
		if (errno == EROFS)
			set_readonly(db, "read-only: the file system is mounted read-only");
		else {
			describe(&sb, what, sizeof what);
			set_readonly(db, "read-only for you: the file (%s) is not writable for "
				     "you; its owner may share it with a group: copse init --group",
				     what);
		}
		return check_logs_readable(db, &f);
	}
	if (access(f.dir, W_OK | X_OK) != 0 && stat(f.dir, &dir) == 0) {
		describe(&dir, what, sizeof what);
		set_readonly(db, "read-only for you: copse needs to create %s beside it, in %s, "
			     "which you may not write (%s)", f.wal, f.dir, what);
		return check_logs_readable(db, &f);
	}
	check_leftovers(db, &f, &sb);
	return COPSE_OK;
}

/* ---- opening ---- */

/* "file:PATH?immutable=1" with PATH percent-encoded; caller frees. */
static char *immutable_uri(const char *path)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7f)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, (char)*p);
	}
	buf_puts(&b, "?immutable=1");
	return buf_steal(&b);
}

/* The file's identity, to notice a change under an immutable reader. */
static void snapshot(const char *path, struct db_snap *s)
{
	struct stat sb;

	memset(s, 0, sizeof *s);
	if (stat(path, &sb) == 0) {
		s->ino = (long long)sb.st_ino;
		s->size = (long long)sb.st_size;
		s->mtime_ns = (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	}
}

int dbfile_open(struct db *db, sqlite3 **h)
{
	struct db_files f;
	char *uri;
	int rc;

	*h = NULL;
	db->immutable = 0;
	if (!db->readonly || strcmp(db->path, ":memory:") == 0) {
		int flags = SQLITE_OPEN_NOMUTEX |
			(db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);

		if (strcmp(db->path, ":memory:") == 0)
			flags |= SQLITE_OPEN_CREATE;
		return sqlite3_open_v2(db->path, h, flags, NULL);
	}
	files_of(db->path, &f);
	if (access(f.wal, F_OK) == 0 && access(f.shm, F_OK) == 0) {
		/* a writer made them: read through them, create nothing */
		return sqlite3_open_v2(db->path, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	}
	if (!(uri = immutable_uri(f.real)))
		return SQLITE_NOMEM;
	snapshot(f.real, &db->snap);
	rc = sqlite3_open_v2(uri, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
			     NULL);
	free(uri);
	db->immutable = 1;
	return rc;
}

int dbfile_refresh(struct db *db)
{
	struct db_files f;
	struct db_snap now;

	if (!db->immutable)
		return 0;
	files_of(db->path, &f);
	snapshot(f.real, &now);
	if (memcmp(&now, &db->snap, sizeof now) == 0 &&
	    (access(f.wal, F_OK) != 0 || access(f.shm, F_OK) != 0))
		return 0;
	return 1;
}

/* ---- the group's set-up ---- */

/* -wal and -shm this process made in a directory without the setgid
 * bit have its own group: give them the database's, so the group can
 * use them (SQLite already gave them the database's mode). */
void dbfile_fix_group(struct db *db)
{
	struct db_files f;
	struct stat sb, x;

	files_of(db->path, &f);
	if (stat(f.real, &sb) != 0 || (sb.st_mode & 0060) != 0060)
		return;
	if (lstat(f.wal, &x) == 0 && S_ISREG(x.st_mode) && x.st_uid == geteuid() &&
	    x.st_gid != sb.st_gid && chown(f.wal, (uid_t)-1, sb.st_gid) != 0)
		return;
	if (lstat(f.shm, &x) == 0 && S_ISREG(x.st_mode) && x.st_uid == geteuid() &&
	    x.st_gid != sb.st_gid && chown(f.shm, (uid_t)-1, sb.st_gid) != 0)
		return;
}

static int in_group(gid_t gid)
{
	gid_t v[256];
	int n;

	if (getegid() == gid || geteuid() == 0)
		return 1;
	n = getgroups((int)ARRAY_SIZE(v), v);
	for (int i = 0; i < n; i++)
		if (v[i] == gid)
			return 1;
	return 0;
}

/* path (a file we may own) into the group, mode; PERM naming who must
 * do it when we may not. */
static int share_file(struct db *db, const char *path, gid_t gid, mode_t mode,
		      const char *group)
{
	struct stat sb;
	char owner[64];

	if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return COPSE_OK;
	if (sb.st_gid == gid && (sb.st_mode & 07777) == mode)
		return COPSE_OK;
	if (chown(path, (uid_t)-1, gid) == 0 && chmod(path, mode) == 0)
		return COPSE_OK;
	user_name(sb.st_uid, owner, sizeof owner);
	return db_fail(db, COPSE_PERM, "%s: only its owner (%s) or root can share it: "
		       "chgrp %s %s && chmod %04o %s", path, owner, group, path,
		       (unsigned)mode, path);
}

/* A note when members of the group cannot reach dir: some directory
 * above it lets neither them nor everyone through. */
static void check_reach(const char *dir, gid_t gid, const char *group, char *note, size_t n)
{
	char up[PATH_MAX], *slash;
	struct stat sb;

	snprintf(up, sizeof up, "%s", dir);
	while ((slash = strrchr(up, '/')) != NULL) {
		*(slash == up ? slash + 1 : slash) = '\0';
		if (stat(up, &sb) == 0 && !(sb.st_mode & 0001) &&
		    !(sb.st_gid == gid && (sb.st_mode & 0010))) {
			snprintf(note, n, "members of %s cannot reach %s: %s is mode %04o",
				 group, dir, up, (unsigned)(sb.st_mode & 07777));
			return;
		}
		if (slash == up)
			break;
	}
}

int db_share_group(struct db *db, const char *group, char *note, size_t n)
{
	struct group *gr = getgrnam(group);
	struct db_files f;
	struct stat sb;
	char owner[64];
	gid_t gid;
	int status;

	if (note && n)
		note[0] = '\0';
	if (strcmp(db->path, ":memory:") == 0)
		return db_fail(db, COPSE_INVALID, "an in-memory database cannot be shared");
	if (!gr)
		return db_fail(db, COPSE_INVALID, "group %s: no such group (getent group lists them)",
			       group);
	gid = gr->gr_gid;
	if (!in_group(gid))
		return db_fail(db, COPSE_PERM, "group %s: you are not a member (id lists your "
			       "groups; after being added, log in again)", group);
	files_of(db->path, &f);
	if (stat(f.dir, &sb) != 0)
		return db_fail(db, err_from_errno(errno), "%s: %s", f.dir, err_text(errno));
	if (sb.st_mode & 01002)
		return db_fail(db, COPSE_INVALID, "%s: a shared database needs a directory of its "
			       "own, not one everybody may write in: mkdir %s/copse and use "
			       "--db %s/copse/copse.db", f.dir, f.dir, f.dir);
	/* the directory: the group's, group-writable, setgid so that every
	 * file made in it (-wal, -shm) is the group's too, and closed to
	 * others (2770): nobody else lists or enters it */
	if (sb.st_gid != gid || (sb.st_mode & 02070) != 02070 || (sb.st_mode & 0007)) {
		if (chown(f.dir, (uid_t)-1, gid) != 0 ||
		    chmod(f.dir, (sb.st_mode & 0700) | 02070) != 0) {
			user_name(sb.st_uid, owner, sizeof owner);
			return db_fail(db, COPSE_PERM, "%s: only its owner (%s) or root can share it: "
				       "chgrp %s %s && chmod 2770 %s", f.dir, owner, group, f.dir,
				       f.dir);
		}
	}
	if ((status = share_file(db, f.real, gid, 0660, group)) != COPSE_OK ||
	    (status = share_file(db, f.wal, gid, 0660, group)) != COPSE_OK ||
	    (status = share_file(db, f.shm, gid, 0660, group)) != COPSE_OK)
		return status;
	if (note && n)
		check_reach(f.dir, gid, group, note, n);
	return COPSE_OK;
}
