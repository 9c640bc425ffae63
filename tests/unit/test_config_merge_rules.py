"""Config merge rules as small exact cases: tree merging, substitutions, override-file order and limits,
and the merge of a live snapshot with the same server's config facts.

Each case states the ClickHouse rule it pins (ConfigProcessor: merge, replace/remove, incl/from_env/
from_zk, `<include>` elements, optional includes) and compares whole results, so a mutant that
changes one field of one result is seen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chwarden.facts import (
    ConfigValue,
    ConnectionInfo,
    GrantFacts,
    InputFacts,
    LocatedSecret,
    Snapshot,
    SystemLogFacts,
    UserFacts,
)
from chwarden.model import Location
from chwarden.sources.configfiles.loader import MAX_MERGE_FILES, merge_files
from chwarden.sources.configfiles.substitutions import Substituter, Unresolved
from chwarden.sources.configfiles.tree import ConfigError, ConfigNode
from chwarden.sources.configfiles.tree_merge import merge_into
from chwarden.sources.configfiles.xml_reader import parse_xml
from chwarden.sources.merge import merge_live_and_config


def xml(text: str, name: str = "config.xml") -> ConfigNode:
    return parse_xml(text.encode(), name)


def shape(node: ConfigNode) -> object:
    """Tag, attributes, text and children: what the server would see."""
    return (
        (node.tag, node.attrs, node.text, [shape(c) for c in node.children])
        if node.children
        else (
            node.tag,
            node.attrs,
            node.text,
        )
    )


# ---- merging one file into another ---------------------------------------------------------------


def test_merged_text_remembers_the_later_element_when_it_has_no_text_location() -> None:
    """`text_location or location`: a later value keeps the later file's place (and -> or mutant)."""
    base = ConfigNode("clickhouse", Location(file="config.xml", line=1), text="a")
    later = ConfigNode("clickhouse", Location(file="config.d/x.xml", line=3), text="b", unresolved="from_env=X")
    merge_into(base, later)
    assert (base.text, base.text_location, base.unresolved) == (
        "b",
        Location(file="config.d/x.xml", line=3),
        "from_env=X",
    )


def test_a_later_leaf_sets_the_value_even_to_the_same_empty_one() -> None:
    """`<password></password>` in a later file: the value is that file's, even if it was empty before."""
    base = ConfigNode("password", Location(file="users.xml", line=5))
    merge_into(base, ConfigNode("password", Location(file="users.d/a.xml", line=2)))
    assert (base.text, base.text_location) == ("", Location(file="users.d/a.xml", line=2))


def test_an_element_with_children_keeps_no_text_location_from_an_empty_leaf() -> None:
    base = xml("<clickhouse><networks><ip>::1</ip></networks></clickhouse>")
    merge_into(base, xml("<clickhouse><networks/></clickhouse>", "users.d/a.xml"))
    networks = base.find("networks")
    assert networks is not None and (networks.text_location, shape(networks)) == (
        None,
        ("networks", {}, "", [("ip", {}, "::1")]),
    )


def test_a_later_element_with_children_clears_the_earlier_text() -> None:
    base = xml("<clickhouse><a>1</a></clickhouse>")
    merge_into(base, xml("<clickhouse><a><b>2</b></a></clickhouse>", "config.d/x.xml"))
    assert shape(base) == ("clickhouse", {}, "", [("a", {}, "", [("b", {}, "2")])])


def test_replace_swaps_the_element_and_drops_the_replace_attribute() -> None:
    base = xml(
        "<clickhouse><users><default><password>x</password><networks><ip>::/0</ip></networks></default></users></clickhouse>"
    )
    merge_into(
        base,
        xml(
            '<clickhouse><users><default replace="1"><password>y</password></default></users></clickhouse>',
            "users.d/a.xml",
        ),
    )
    default = base.find("users.default")
    assert default is not None
    assert shape(default) == ("default", {}, "", [("password", {}, "y")])  # no networks, no replace attribute


def test_remove_and_unmatched_elements() -> None:
    base = xml("<clickhouse><a>1</a><b>2</b></clickhouse>")
    merge_into(base, xml('<clickhouse><a remove="1"/><c>3</c><d remove="1"/></clickhouse>'))
    assert shape(base) == ("clickhouse", {}, "", [("b", {}, "2"), ("c", {}, "3")])


# ---- override files: which, in which order, how many -----------------------------------------------


def test_unlistable_override_directory_names_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root can list any directory, so the refusal is injected; the message must name the directory."""
    main = tmp_path / "config.xml"
    main.write_text("<clickhouse/>")
    (tmp_path / "config.d").mkdir()

    def refuse(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(ConfigError, match=r"config\.d: cannot list directory \(Permission denied\)$"):
        merge_files(main)


def test_override_files_sorted_by_full_path_conf_d_first(tmp_path: Path) -> None:
    main = tmp_path / "config.xml"
    main.write_text("<clickhouse/>")
    for rel in ("config.d/b.xml", "config.d/a.yaml", "conf.d/z.xml", "config.d/.hidden.xml", "config.d/notes.txt"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text("<clickhouse/>")
    names = [p.relative_to(tmp_path).as_posix() for p in merge_files(main)]
    assert names == ["conf.d/z.xml", "config.d/a.yaml", "config.d/b.xml"]


@pytest.mark.parametrize(("count", "refused"), [(MAX_MERGE_FILES, False), (MAX_MERGE_FILES + 1, True)])
def test_override_file_limit_at_and_above(tmp_path: Path, count: int, refused: bool) -> None:
    """Exactly 1,000 override files are read; one more is refused with the limit named (> vs >=)."""
    main = tmp_path / "config.xml"
    main.write_text("<clickhouse/>")
    (tmp_path / "config.d").mkdir()
    for i in range(count):
        (tmp_path / "config.d" / f"{i:04}.xml").touch()
    if refused:
        with pytest.raises(ConfigError, match=f"^{main}: more than 1000 override files$"):
            merge_files(main)
    else:
        assert len(merge_files(main)) == count


# ---- substitutions: incl, from_env, from_zk, <include> elements ------------------------------------

METRIKA = xml("<clickhouse><nets><ip>10.0.0.0/8</ip></nets><host>db1</host></clickhouse>", "metrika.xml")


def substitute(
    text: str, env: dict[str, str] | None = None, include: ConfigNode | None = METRIKA
) -> tuple[ConfigNode, list[Unresolved]]:
    tree = xml(text)
    substituter = Substituter(include, "metrika.xml", env or {})
    substituter.apply(tree)
    return tree, substituter.unresolved


def test_include_element_is_replaced_in_place_by_the_included_children() -> None:
    tree, unresolved = substitute(
        '<clickhouse><a>1</a><include incl="nets"/><b>2</b><include incl="nets"/></clickhouse>'
    )
    assert shape(tree) == (
        "clickhouse",
        {},
        "",
        [("a", {}, "1"), ("ip", {}, "10.0.0.0/8"), ("b", {}, "2"), ("ip", {}, "10.0.0.0/8")],
    )
    assert unresolved == []


def test_include_elements_that_cannot_be_resolved() -> None:
    """A missing incl keeps nothing and says where it looked; from_zk is unknown (ZooKeeper is never asked)."""
    text = '<clickhouse>\n<include incl="absent"/>\n<include from_zk="/ch/conf"/>\n<x from_env="V"/>\n</clickhouse>'
    tree, unresolved = substitute(text, env={"V": " 5 "})
    assert shape(tree) == ("clickhouse", {}, "", [("x", {"from_env": "V"}, "5")])  # later siblings still done
    assert unresolved == [
        Unresolved("include", "incl", "absent", Location(file="config.xml", line=2), False, "metrika.xml"),
        Unresolved("include", "from_zk", "/ch/conf", Location(file="config.xml", line=3), True, "ZooKeeper"),
    ]
    assert str(unresolved[1]) == "config.xml:3: include: from_zk='/ch/conf' not found in ZooKeeper (value unknown)"


def test_optional_include_that_is_absent_leaves_no_trace() -> None:
    tree, unresolved = substitute(
        '<clickhouse><include incl="absent" optional="true"/><z incl="gone" optional="1"/></clickhouse>'
    )
    assert (shape(tree), unresolved) == (("clickhouse", {}, ""), [])


def test_include_without_an_include_file() -> None:
    tree, unresolved = substitute('<clickhouse><include incl="nets"/><h incl=""/></clickhouse>', include=None)
    assert [u.kind for u in unresolved] == ["incl", "incl"]
    assert shape(tree) == ("clickhouse", {}, "", [("h", {"incl": ""}, "")])


def test_include_element_with_an_empty_incl_is_named_as_written() -> None:
    """`<include incl=""/>` looks nothing up and reports the empty name (the from_zk default mutants)."""
    _tree, unresolved = substitute('<clickhouse><include incl=""/></clickhouse>')
    assert unresolved == [Unresolved("include", "incl", "", Location(file="config.xml", line=1), False, "metrika.xml")]


def test_include_element_from_zookeeper_is_never_taken_from_the_include_file() -> None:
    """A from_zk name that happens to exist in metrika.xml is still ZooKeeper's, so unknown."""
    tree, unresolved = substitute('<clickhouse><include from_zk="nets"/></clickhouse>')
    assert shape(tree) == ("clickhouse", {}, "")
    assert [(u.kind, u.name, u.value_unknown) for u in unresolved] == [("from_zk", "nets", True)]


def test_incl_with_replace_starts_from_an_empty_element() -> None:
    tree, _ = substitute('<clickhouse><networks replace="1" incl="nets"><ip>::/0</ip></networks></clickhouse>')
    assert shape(tree) == (
        "clickhouse",
        {},
        "",
        [("networks", {"replace": "1", "incl": "nets"}, "", [("ip", {}, "10.0.0.0/8")])],
    )


def test_incl_attribute_merges_children_text_and_attributes() -> None:
    tree, unresolved = substitute(
        '<clickhouse><networks incl="nets"><ip>::1</ip></networks><host incl="host"/></clickhouse>'
    )
    networks, host = tree.children
    assert shape(networks) == ("networks", {"incl": "nets"}, "", [("ip", {}, "::1"), ("ip", {}, "10.0.0.0/8")])
    assert (host.text, host.text_location) == ("db1", Location(file="metrika.xml", line=1))
    assert unresolved == []


def test_from_env_resolved_sets_text_and_clears_unknown() -> None:
    tree, unresolved = substitute(
        '<clickhouse>\n<p from_env="PW"><old>x</old></p>\n</clickhouse>', env={"PW": "s3cret"}
    )
    [p] = tree.children
    assert (p.text, p.children, p.text_location, p.unresolved) == (
        "s3cret",
        [],
        Location(file="config.xml", line=2),
        None,
    )
    assert unresolved == []


@pytest.mark.parametrize(
    ("element", "unknown"),
    [
        ('<p from_env="NOPE"/>', True),
        ('<p from_env="NOPE" replace="1">kept</p>', False),  # replace with a written value: the value stands
        ('<p from_env="NOPE" replace="1"/>', True),  # replace without a value: still unknown
        ('<p from_zk="/z"/>', True),
        ('<p from_zk="/z" replace="1">kept</p>', False),
        ('<p from_zk="/z" replace="1"><c>1</c></p>', False),
        ('<p from_zk="/z" replace="1"/>', True),
        ('<p from_zk="/z">text</p>', True),  # without replace ZooKeeper's value would be merged in: unknown
    ],
)
def test_unknown_values_from_env_and_zookeeper(element: str, unknown: bool) -> None:
    tree, unresolved = substitute(f"<clickhouse>{element}</clickhouse>")
    [p] = tree.children
    assert (p.unresolved is not None, len(unresolved)) == (unknown, int(unknown))
    if unknown:
        kind = "from_env" if "from_env" in element else "from_zk"
        source = "the given environment" if kind == "from_env" else "ZooKeeper"
        assert unresolved[0] == Unresolved("p", kind, "NOPE" if kind == "from_env" else "/z", p.location, True, source)
        assert p.unresolved == f"{kind}={unresolved[0].name}"


# ---- live facts completed with the same server's config ------------------------------------------


def _live(**facts: object) -> Snapshot:
    return Snapshot(target="db:8123", connection=ConnectionInfo(kind="live"), **facts)  # type: ignore[arg-type]


def test_live_answers_win_and_config_fills_what_the_server_did_not_tell() -> None:
    live = _live(
        users=None,
        grants=[GrantFacts(user_name="a", access_type="SELECT")],
        server_config={"tcp_port": ConfigValue(values=["9000"], origin="server_settings")},
        gaps={"users": "permission denied", "system_logs": "no access", "server_config": "partial"},
    )
    config = Snapshot(
        target="db:8123",
        connection=ConnectionInfo(kind="config"),
        users=[UserFacts(name="default", storage="users_xml")],
        grants=[GrantFacts(user_name="b", access_type="ALL")],
        system_logs=[SystemLogFacts(name="query_log", configured=True)],
        server_config={"tcp_port": ConfigValue(values=["9001"]), "listen_host": ConfigValue(values=["::"])},
        config_files=["config.xml"],
        inputs=InputFacts(files_read=["config.xml"], assumptions=["image defaults"]),
        config_secrets=[LocatedSecret(kind="password", redacted="s3cr…(redacted, sha256:00000000)", where="users.a")],
    )
    merged = merge_live_and_config(live, config, "/etc/clickhouse-server")
    assert (merged.inputs, merged.config_secrets) == (config.inputs, config.config_secrets)  # what the files said
    assert merged.users == config.users and merged.grants == live.grants and merged.system_logs == config.system_logs
    assert merged.server_config == {
        "tcp_port": ConfigValue(values=["9001"]),  # the file's value for a key both know
        "listen_host": ConfigValue(values=["::"]),
    }
    assert merged.gaps == {}
    assert merged.config_files == ["config.xml"]
    assert merged.extra == {"config_source": "/etc/clickhouse-server"}
    assert merged.facts_from_config == ["users", "system_logs", "server_config"]
    assert live.users is None and live.gaps["users"] == "permission denied"  # the inputs are not changed


def test_live_server_config_keys_the_files_lack_are_kept() -> None:
    live = _live(server_config={"max_connections": ConfigValue(values=["4096"], origin="server_settings")})
    config = Snapshot(target="db", connection=ConnectionInfo(kind="config"), server_config={})
    merged = merge_live_and_config(live, config, "dir")
    assert merged.server_config == live.server_config


def test_without_config_server_settings_the_live_ones_stay_and_are_not_claimed() -> None:
    live = _live(
        server_config={"tcp_port": ConfigValue(values=["9000"], origin="server_settings")}, gaps={"server_config": "x"}
    )
    merged = merge_live_and_config(live, Snapshot(target="db", connection=ConnectionInfo(kind="config")), "dir")
    assert merged.server_config == live.server_config and merged.gaps == {"server_config": "x"}
    assert merged.facts_from_config == []


def test_users_xml_users_get_the_facts_only_the_file_knows() -> None:
    """Matched by name; only users.xml users; a live answer is never overwritten by the file's."""
    live = _live(
        users=[
            UserFacts(name="default", storage="users_xml", password_empty=None, profile="web"),
            UserFacts(name="legacy", storage=None),
            UserFacts(name="sql", storage="local_directory"),
            UserFacts(name="only_live", storage="users.xml"),
            UserFacts(name="dotted", storage="users.xml", access_management=False),
        ]
    )
    config = Snapshot(
        target="db",
        connection=ConnectionInfo(kind="config"),
        users=[
            UserFacts(
                name="default", password_empty=True, profile="default", access_management=True, allow_databases=["a"]
            ),
            UserFacts(name="legacy", sha256_salted=False, quota="q"),
            UserFacts(name="sql", password_empty=True),
            UserFacts(name="dotted", access_management=True),
        ],
        roles=[],  # filled from the files although the live snapshot recorded no gap for it
    )
    merged = merge_live_and_config(live, config, "dir")
    assert merged.users is not None
    by_name = {u.name: u for u in merged.users}
    assert by_name["default"] == UserFacts(
        name="default",
        storage="users_xml",
        password_empty=True,
        profile="web",
        access_management=True,
        allow_databases=["a"],
    )
    assert by_name["legacy"] == UserFacts(name="legacy", sha256_salted=False, quota="q")
    assert by_name["sql"] == live.users[2]  # type: ignore[index]
    assert by_name["only_live"] == live.users[3]  # type: ignore[index]
    assert by_name["dotted"].access_management is True  # a live False is no answer (users.xml storage)
    assert [u.name for u in merged.users] == ["default", "legacy", "sql", "only_live", "dotted"]
    assert merged.roles == [] and merged.facts_from_config == ["roles"]
