"""What the official image's entrypoint writes into ``users.d/default-user.xml`` before the server starts.

``docker/server/entrypoint.sh`` (every release line since 2021, checked against
ClickHouse/docker-library): with ``CLICKHOUSE_SKIP_USER_SETUP=1`` it writes nothing. When
``CLICKHOUSE_USER`` is set to another name, or ``CLICKHOUSE_PASSWORD`` (or the content of
``CLICKHOUSE_PASSWORD_FILE``) is non-empty, or ``CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT`` is not 0, it
removes ``default`` and creates that user with ``::/0`` and the password in plain text. Otherwise,
images with the lockdown (``images.json``) limit ``default`` to loopback, unless (newer images) a
mounted file already changed ``users.default``. None of this runs when the container's command
starts a program itself (``clickhouse-server ...`` instead of server arguments).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

from chwarden.model import Location
from chwarden.sources.configfiles.access_facts import NONEMPTY_ATTR
from chwarden.sources.configfiles.image_defaults import ImageDefaults
from chwarden.sources.configfiles.known_passwords import DEFAULT_ATTR
from chwarden.sources.configfiles.layers import leaf, root
from chwarden.sources.configfiles.tree import ConfigNode
from chwarden.sources.configfiles.yaml_docs import YNode

ENTRYPOINT_FILE = "default-user.xml"
_SERVER_COMMAND = re.compile(r"(^|[\s/])clickhouse(-server|\s+server)\b")
_ENTRYPOINT_SCRIPT = re.compile(r"(^|[\s/])entrypoint\.sh\b")
MAX_PASSWORD_FILE = 4096


@dataclass(frozen=True)
class EnvValue:
    """A container environment variable: its value (None when unknown offline) and where it is set."""

    value: str | None
    location: Location
    nonempty: bool = False  # known non-empty even when the value is unknown (`${VAR:?msg}`)
    defaulted_from: str | None = None  # the value is the default `${VAR:-value}` of this variable

    @property
    def is_set_nonempty(self) -> bool | None:
        if self.value is not None:
            return bool(self.value)
        return True if self.nonempty else None


ContainerEnv = dict[str, EnvValue]
ReadFile = Callable[[str], str | None]  # a container path's content, None when it cannot be read


def _password(env: ContainerEnv, read_file: ReadFile) -> EnvValue | None:
    """CLICKHOUSE_PASSWORD, or the content of CLICKHOUSE_PASSWORD_FILE when that file can be read."""
    file_var = env.get("CLICKHOUSE_PASSWORD_FILE")
    if file_var is not None and file_var.value:
        content = read_file(file_var.value)
        if content is not None:
            return EnvValue(content[:MAX_PASSWORD_FILE].rstrip("\n"), file_var.location)
        return EnvValue(None, file_var.location)  # the secret exists only in the running container
    return env.get("CLICKHOUSE_PASSWORD")


def _default_changed(users: ConfigNode | None, image: ImageDefaults) -> bool:
    """Whether mounted files changed `users.default` (the entrypoint compares it with the shipped one)."""
    shipped = image.shipped_default_user()
    section = users.child("users") if users is not None else None
    current = section.child("default") if section is not None else None
    return _signature(current) != _signature(shipped)


def _signature(node: ConfigNode | None) -> object:
    if node is None:
        return None
    return (node.tag, node.text, tuple(sorted(node.attrs.items())), tuple(_signature(c) for c in node.children))


def entrypoint_users(
    image: ImageDefaults,
    env: ContainerEnv,
    at: Location,
    users_before: ConfigNode | None,
    read_file: ReadFile,
) -> tuple[ConfigNode | None, str]:
    """The users.d file the entrypoint writes (None when it writes none), and why."""
    if image.bitnami:
        return _bitnami_users(env, at)
    skip = env.get("CLICKHOUSE_SKIP_USER_SETUP")
    if skip is not None and skip.value == "1":
        return None, "CLICKHOUSE_SKIP_USER_SETUP=1: the image's user setup is skipped, users stay as the files say"
    user_var = env.get("CLICKHOUSE_USER")
    user = (user_var.value if user_var is not None else None) or "default"
    if user_var is not None and user_var.value is None:
        user = "${CLICKHOUSE_USER}"  # named at deploy time
    password = _password(env, read_file)
    access_var = env.get("CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT")
    access = (access_var.value if access_var is not None else None) or "0"
    password_state = password.is_set_nonempty if password is not None else False
    creates = user != "default" or password_state is not False or access != "0"
    if creates:
        return _created_user(user, password, access, env, at), (
            f"the entrypoint removes default and creates user {user!r} open to ::/0 with a plaintext password"
        )
    if image.locks_default_user and not (image.respects_mounted_users and _default_changed(users_before, image)):
        return _loopback_default(at), "no user variables: the entrypoint limits default to loopback"
    if image.locks_default_user:
        return None, "mounted files already change the default user: the entrypoint leaves users as they are"
    return None, "this image's entrypoint does not restrict default when no user variables are set"


def _created_user(user: str, password: EnvValue | None, access: str, env: ContainerEnv, at: Location) -> ConfigNode:
    user_at = next((env[n].location for n in ("CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD") if n in env), at)
    tree = root(at)
    users = ConfigNode(tag="users", location=at)
    tree.children.append(users)
    node = ConfigNode(tag=user, location=user_at)
    users.children += [ConfigNode(tag="default", location=user_at, attrs={"remove": "remove"}), node]
    leaf(node, "profile", "default", user_at)
    networks = ConfigNode(tag="networks", location=user_at)
    leaf(networks, "ip", "::/0", user_at)
    node.children.append(networks)
    password_at = password.location if password is not None else user_at
    secret = leaf(node, "password", (password.value or "") if password is not None else "", password_at)
    if password is not None and password.value is None:
        secret.attrs["from_env"] = "CLICKHOUSE_PASSWORD"  # only the running container knows it
        if password.nonempty:
            secret.attrs[NONEMPTY_ATTR] = "1"
    if password is not None and password.defaulted_from:
        secret.attrs[DEFAULT_ATTR] = f"the default of ${{{password.defaulted_from}}}"
    leaf(node, "quota", "default", user_at)
    access_at = (
        env["CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT"].location
        if "CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT" in env
        else user_at
    )
    leaf(node, "access_management", access, access_at)
    return tree


def _loopback_default(at: Location) -> ConfigNode:
    tree = root(at)
    users = ConfigNode(tag="users", location=at)
    node = ConfigNode(tag="default", location=at)
    networks = ConfigNode(tag="networks", location=at)
    for ip in ("::1", "127.0.0.1"):
        leaf(networks, "ip", ip, at)
    node.children.append(networks)
    users.children.append(node)
    tree.children.append(users)
    return tree


def _bitnami_users(env: ContainerEnv, at: Location) -> tuple[ConfigNode | None, str]:
    """bitnami/clickhouse: CLICKHOUSE_ADMIN_USER (default `default`) gets CLICKHOUSE_ADMIN_PASSWORD."""
    user_var = env.get("CLICKHOUSE_ADMIN_USER")
    user = (user_var.value if user_var is not None else None) or "default"
    password = env.get("CLICKHOUSE_ADMIN_PASSWORD")
    allow_empty = (env.get("ALLOW_EMPTY_PASSWORD") or EnvValue("no", at)).value in ("yes", "true", "1")
    if password is None and not allow_empty:
        return None, "bitnami image without CLICKHOUSE_ADMIN_PASSWORD and ALLOW_EMPTY_PASSWORD: it refuses to start"
    tree = root(at)
    users = ConfigNode(tag="users", location=at)
    tree.children.append(users)
    user_at = user_var.location if user_var is not None else at
    if user != "default":
        users.children.append(ConfigNode(tag="default", location=user_at, attrs={"remove": "remove"}))
    node = ConfigNode(tag=user, location=user_at)
    users.children.append(node)
    if user != "default":
        leaf(node, "profile", "default", user_at)
        networks = ConfigNode(tag="networks", location=user_at)
        leaf(networks, "ip", "::/0", user_at)
        node.children.append(networks)
        leaf(node, "quota", "default", user_at)
    secret = leaf(
        node, "password", (password.value or "") if password is not None else "", password.location if password else at
    )
    if password is not None and password.value is None:
        secret.attrs["from_env"] = "CLICKHOUSE_ADMIN_PASSWORD"
        if password.nonempty:
            secret.attrs[NONEMPTY_ATTR] = "1"
    if password is not None and password.defaulted_from:
        secret.attrs[DEFAULT_ATTR] = f"the default of ${{{password.defaulted_from}}}"
    return tree, f"the bitnami image sets the password of {user!r} from CLICKHOUSE_ADMIN_PASSWORD"


@dataclass
class ServerRole:
    server: bool
    runs_entrypoint: bool
    why: str


def command_words(node: YNode | None) -> list[str] | None:
    if node is None:
        return None
    if node.items is not None:
        return [item.text or "" for item in node.items]
    if node.text is None:
        return []
    try:
        return shlex.split(node.text)
    except ValueError:
        return node.text.split()


def server_role(entrypoint: list[str] | None, command: list[str] | None) -> ServerRole:
    """Whether the image's entrypoint starts the server (see docker/server/entrypoint.sh's last lines)."""
    text = " ".join([*(entrypoint or []), *(command or [])])
    if entrypoint is not None and entrypoint and not _ENTRYPOINT_SCRIPT.search(" ".join(entrypoint)):
        if _SERVER_COMMAND.search(text):
            return ServerRole(True, False, "the entrypoint is replaced and starts clickhouse-server directly")
        if _ENTRYPOINT_SCRIPT.search(text):
            return ServerRole(True, True, "a wrapper script runs the image's entrypoint")
        return ServerRole(False, False, f"the entrypoint is replaced ({text[:80]})")
    if not command or command[0].startswith("--"):
        return ServerRole(True, True, "the image's entrypoint starts the server")
    if _ENTRYPOINT_SCRIPT.search(text):
        return ServerRole(True, True, "the command runs the image's entrypoint")
    if _SERVER_COMMAND.search(text):
        return ServerRole(
            True, False, "the command starts clickhouse-server directly (the entrypoint's user setup does not run)"
        )
    return ServerRole(False, False, f"the command runs {text[:80]!r}")


def command_line_overrides(command: list[str] | None) -> dict[str, str]:
    """`--key=value` settings after `--` in the server's arguments (they override every config file)."""
    words = command or []
    if "--" not in words:
        return {}
    found: dict[str, str] = {}
    for word in words[words.index("--") + 1 :]:
        key, sep, value = word.removeprefix("--").partition("=")
        if word.startswith("--") and sep and key:
            found[key] = value
    return found
