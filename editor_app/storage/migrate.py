"""Bring an older project file up to this version, after a backup copy."""

from __future__ import annotations

from pathlib import Path

from editor_app.storage.backups import backup_now
from editor_app.storage.errors import ProjectError
from editor_app.storage.schema import migrations, schema_version


def migrate_if_needed(path: Path, db, version: int) -> None:
    if version >= schema_version():
        return
    try:
        backup_now(path, db.conn, reason=f"before-upgrade-v{version}")
    except OSError as error:  # no backup, no upgrade: the file stays as it was
        raise ProjectError(
            path, f"no backup could be made before the upgrade ({error}); the file is unchanged"
        ) from error
    try:
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {schema_version()}")
    except Exception as error:
        raise ProjectError(
            path, f"upgrade from schema version {version} failed ({error}); a backup was kept"
        ) from error
