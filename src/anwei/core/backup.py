"""Backup and restore of one installation: a consistent copy of the database (SQLite's online backup,
PostgreSQL's pg_dump) and the uploaded files, with a manifest of checksums.

The database is copied first and the files after it, so every file a copied row names is in the copy
(a file uploaded meanwhile, without its row, is harmless). The secrets (ANWEI_SECRET_KEY,
ANWEI_AUDIT_KEY) are not in the backup: they are kept apart, and the audit key is needed to verify
the restored audit log.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
UPLOADS = "uploads"
ANCHORS = "audit-anchors.jsonl"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432),
            "--username", db.get("USER") or "postgres"]
    env = dict(os.environ, PGPASSWORD=db.get("PASSWORD") or "")
    return args, env


def _empty(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def backup_write(dest: Path) -> dict:
    """Write the backup into `dest` (a new or empty folder). Returns the manifest."""
    if not _empty(dest):
        raise ValidationError(f"備份目的地 {dest} 已有檔案，請指定新的或空的資料夾。")
    dest.mkdir(parents=True, exist_ok=True)
    engine = _engine()
    if engine == "sqlite":
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(dest / SQLITE_FILE)
        with target:
            source.backup(target)  # a consistent copy while the application keeps running
        target.close()
        source.close()
    else:
        args, env = _pg_env()
        subprocess.run(["pg_dump", *args, "--format=custom", "--no-owner", "--file", str(dest / PG_FILE),
                        settings.DATABASES["default"]["NAME"]], env=env, check=True, capture_output=True)
    if settings.UPLOAD_DIR.is_dir():
        shutil.copytree(settings.UPLOAD_DIR, dest / UPLOADS)
    if settings.AUDIT_ANCHOR_FILE.is_file():
        shutil.copy2(settings.AUDIT_ANCHOR_FILE, dest / ANCHORS)
    files = {p.relative_to(dest).as_posix(): _sha256(p) for p in sorted(dest.rglob("*")) if p.is_file()}
    manifest = {"format": 1, "engine": engine, "created_at": timezone.now().isoformat(), "files": files}
    (dest / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def backup_check(src: Path) -> dict:
    """The manifest, after checking that every file is there unchanged (and no file was added)."""
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ValidationError(f"{src} 不是安維的備份（讀不到 {MANIFEST}）。") from e
    present = {p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(manifest["files"]):
        raise ValidationError("備份的檔案與清單不符（有檔案遺失或多出），不予還原。")
    for name, digest in manifest["files"].items():
        if _sha256(src / name) != digest:
            raise ValidationError(f"備份檔 {name} 的檢查碼不符（檔案已損壞或被修改），不予還原。")
    return manifest


def restore_read(src: Path) -> dict:
    """Restore a backup into this installation's empty database and data folder."""
    manifest = backup_check(src)
    if manifest["engine"] != _engine():
        raise ValidationError(f"此備份來自 {manifest['engine']} 資料庫，目前設定的是 {_engine()}。")
    if connection.introspection.table_names():
        raise ValidationError("目前的資料庫已有資料表；請還原到空的資料庫。")
    if not _empty(settings.UPLOAD_DIR):
        raise ValidationError(f"上傳檔案資料夾 {settings.UPLOAD_DIR} 不是空的；請還原到空的資料夾。")
    connection.close()
    if manifest["engine"] == "sqlite":
        source = sqlite3.connect(src / SQLITE_FILE)
        target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        with target:
            source.backup(target)
        target.close()
        source.close()
    else:
        args, env = _pg_env()
        subprocess.run(["pg_restore", *args, "--no-owner", "--exit-on-error", "--dbname",
                        settings.DATABASES["default"]["NAME"], str(src / PG_FILE)], env=env, check=True,
                       capture_output=True)
    if (src / UPLOADS).is_dir():
        shutil.copytree(src / UPLOADS, settings.UPLOAD_DIR, dirs_exist_ok=True)
    if (src / ANCHORS).is_file() and not settings.AUDIT_ANCHOR_FILE.exists():
        settings.AUDIT_ANCHOR_FILE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src / ANCHORS, settings.AUDIT_ANCHOR_FILE)
    return manifest
