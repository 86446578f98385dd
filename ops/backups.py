"""Backups that can be proven: the database and the media, and a restore into an empty
database and media store.

A backup folder holds ``backup.json`` (what was backed up, and every media file's size and
SHA-256), the database (``database.dump``, ``pg_dump -Fc``: one consistent snapshot while the
site runs; or ``database.sqlite3``, SQLite's online backup) and, for media on a folder, a copy
in ``media/``. Media on object storage is only listed with checksums by default: the bucket's
own versioning or replication keeps the bytes, and a restore checks the bucket against the list.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

FORMAT = 1
MANIFEST = "backup.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


# ---- media -------------------------------------------------------------------------------


def stored_files(storage, folder=""):
    """Every file name in ``storage``, walking folders (a folder or a bucket alike)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a media folder not made yet holds nothing
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder, name)) if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, str(PurePosixPath(folder, sub)) if folder else sub)


def checksum(opened):
    digest = hashlib.sha256()
    for chunk in iter(lambda: opened.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def describe_media(storage):
    """``{name: {"size": …, "sha256": …}}`` of every stored file."""
    files = {}
    for name in stored_files(storage):
        with storage.open(name, "rb") as opened:
            files[name] = {"size": storage.size(name), "sha256": checksum(opened)}
    return files


def is_object_storage(storage):
    return not hasattr(storage, "path") or hasattr(storage, "bucket_name")


def media_differences(expected, storage):
    """What differs between a backup's list of media and ``storage``: missing files and files
    whose checksum is not the one backed up."""
    problems = []
    for name, described in expected.items():
        if not storage.exists(name):
            problems.append(f"missing: {name}")
            continue
        with storage.open(name, "rb") as opened:
            if checksum(opened) != described["sha256"]:
                problems.append(f"checksum differs: {name}")
    return problems


# ---- the database ------------------------------------------------------------------------


def _postgres_command(program, connection, *arguments):
    """``program`` with the connection's host, port, user and password (the way Django's
    ``dbshell`` passes them), then ``arguments``."""
    args, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, [])
    options = args[1:-1] if args[-1] == connection.settings_dict["NAME"] else args[1:]
    return [program, *options, *arguments], {**os.environ, **(env or {})}


def _run(command, env=None):
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed: install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client), the same major version as the server."
        ) from None
    if done.returncode:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")
    return done


def dump_database(connection, folder):
    vendor = connection.vendor
    if vendor == "postgresql":
        target = folder / "database.dump"
        command, env = _postgres_command(
            "pg_dump", connection, "--format=custom", "--no-owner", "--no-acl",
            f"--file={target}", connection.settings_dict["NAME"],
        )  # fmt: skip
        _run(command, env)
    elif vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return {"vendor": vendor, "file": target.name}


def table_names(connection):
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def row_counts(connection):
    """``{table: rows}`` for every table of the database."""
    counts = {}
    with connection.cursor() as cursor:
        for table in table_names(connection):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def load_database(connection, folder, database, force):
    if database["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {database['vendor']} database; the target is "
            f"{connection.vendor}. Restore it into a {database['vendor']} database."
        )
    if table_names(connection) and not force:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty. Restore into a new, "
            "empty database, or add --force to replace what it holds."
        )
    source = folder / database["file"]
    if connection.vendor == "postgresql":
        options = ["--clean", "--if-exists"] if force else []
        command, env = _postgres_command(
            "pg_restore", connection, "--no-owner", "--no-acl", "--single-transaction",
            "--exit-on-error", *options, f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        )  # fmt: skip
        connection.close()
        _run(command, env)
    else:
        connection.ensure_connection()
        with closing(sqlite3.connect(source)) as copy:
            copy.backup(connection.connection)


# ---- backup and restore ------------------------------------------------------------------


def backup(folder, connection, storage, *, copy_media=None):
    """Write a backup of ``connection``'s database and ``storage``'s media into ``folder``
    (new or empty). Media on a folder is copied; on object storage it is listed, unless
    ``copy_media``."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: give a new folder for each backup.")
    folder.mkdir(parents=True, exist_ok=True)
    if copy_media is None:
        copy_media = not is_object_storage(storage)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": dump_database(connection, folder),
        "media": {"copied": copy_media, "files": {}},
    }
    files = manifest["media"]["files"]
    for name in stored_files(storage):
        with storage.open(name, "rb") as opened:
            if copy_media:
                target = folder / "media" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as written:
                    shutil.copyfileobj(opened, written, CHUNK)
                with open(target, "rb") as written:
                    sha256 = checksum(written)
            else:
                sha256 = checksum(opened)
        files[name] = {"size": storage.size(name), "sha256": sha256}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def read_manifest(folder):
    try:
        manifest = json.loads((Path(folder) / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup ({MANIFEST}: {error}).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} was written by another version of the backup format.")
    return manifest


def restore(folder, connection, storage, *, force=False):
    """Restore the backup in ``folder`` into ``connection``'s database and ``storage``, both
    empty unless ``force``; returns the problems found when checking the media afterwards."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    media = manifest["media"]
    if media["copied"] and not force and next(stored_files(storage), None) is not None:
        raise BackupError(
            "The media storage is not empty. Restore into an empty folder or bucket, or add "
            "--force to replace the files the backup holds."
        )
    load_database(connection, folder, manifest["database"], force)
    if media["copied"]:
        for name in media["files"]:
            if storage.exists(name):
                storage.delete(name)
            with open(folder / "media" / name, "rb") as opened:
                saved = storage.save(name, File(opened))
            if saved != name:
                raise BackupError(f"The storage saved {name} as {saved}.")
    return media_differences(media["files"], storage)
