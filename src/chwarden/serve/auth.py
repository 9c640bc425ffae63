"""Who may log in: a users file of scrypt password hashes and roles, created on the first start.

The dashboard shows where the secrets are, so nobody gets in without a password: on its first start
``chwarden serve`` creates the user ``admin`` with a generated password and writes that password to a
file only its owner can read (0600, in a 0700 directory); the users file holds only salted scrypt
hashes. More users (``viewer`` or ``admin``) are added the same way (``--add-user NAME --role R``).
The file is read at every login, so a user added while the server runs can log in at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from chwarden.errors import InputError

Role = Literal["viewer", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "admin")
USERS_FILE = "users.json"
FIRST_ADMIN = "admin"
USER_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
MAX_PASSWORD = 1024  # longer input is refused before hashing (no hashing of megabytes)
# scrypt cost: 16 MiB and ~50 ms per check on the project machine (OWASP's minimum is N=2^17 for
# r=8 with p=1 when nothing else slows guesses down; the login rate limit does that here)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


@dataclass(frozen=True)
class User:
    name: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    encode = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# a hash to check unknown user names against, so a wrong name costs as long as a wrong password
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by its owner only (0600), replacing it atomically."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class UserStore:
    """The users file in the dashboard's private directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / USERS_FILE

    def _prepare(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.directory.chmod(0o700)
        except OSError as exc:
            raise InputError(f"cannot create the dashboard directory {self.directory}: {exc.strerror}") from exc

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the users file {self.path}: {exc}") from exc
        users = data.get("users") if isinstance(data, dict) else None
        if not isinstance(users, dict):
            raise InputError(f'{self.path}: expected {{"users": {{name: {{role, password}}}}}}')
        return {str(k): v for k, v in users.items() if isinstance(v, dict)}

    def _save(self, users: dict[str, dict[str, str]]) -> None:
        write_private(self.path, json.dumps({"users": users}, indent=2, sort_keys=True) + "\n")

    def names(self) -> dict[str, Role]:
        return {name: _role(entry.get("role")) for name, entry in self._load().items()}

    def ensure_admin(self) -> Path | None:
        """On the first start: create ``admin`` with a generated password; the password file's path
        (None when users exist already)."""
        self._prepare()
        if self._load():
            return None
        return self.add(FIRST_ADMIN, "admin")

    def add(self, name: str, role: Role) -> Path:
        """Add (or reset) a user with a generated password; returns the 0600 file that holds it."""
        if not USER_NAME.match(name):
            raise InputError(f"user name {name!r}: use 1-64 letters, digits, '_', '.', '@' or '-'")
        if role not in ROLES:
            raise InputError(f"role {role!r}: choose one of {', '.join(ROLES)}")
        self._prepare()
        password = secrets.token_urlsafe(18)
        users = self._load()
        users[name] = {"role": role, "password": hash_password(password)}
        secret = self.directory / f"{name}.password"
        write_private(secret, password + "\n")
        self._save(users)
        return secret

    def verify(self, name: str, password: str) -> User | None:
        """The user, if the password is theirs; as slow for an unknown name as for a wrong password."""
        if len(password) > MAX_PASSWORD or len(name) > 64:
            return None
        entry = self._load().get(name)
        stored = entry.get("password", "") if entry else _DUMMY_HASH
        if not check_password(password, stored) or entry is None:
            return None
        return User(name, _role(entry.get("role")))


def _role(value: object) -> Role:
    return "admin" if value == "admin" else "viewer"
