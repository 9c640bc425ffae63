"""The one secret reader (issue 21) extended by issue 13: what counts as a credential in server config."""

from __future__ import annotations

from chwarden.sources.configfiles.config_secrets import tree_secrets
from chwarden.sources.configfiles.known_passwords import plaintext_reason
from chwarden.sources.configfiles.xml_reader import parse_xml

CONFIG = b"""<clickhouse>
 <substitutions_cluster><c><secret>S3cr3t-cluster</secret><shard><replica><host>h</host><port>9000</port>
   <password>replica-pw</password></replica></shard></c></substitutions_cluster>
 <zk-servers><node><host>zk</host></node><identity>u:zkpw</identity></zk-servers>
 <s3><ep><header>Authorization: Bearer tok-123456</header><header>X-Trace: 1</header></ep></s3>
 <named_collections><w><url>https://u:urlpw@h/</url><url2>https://h/path</url2>
   <headers><header><name>X-Api-Key</name><value>k-987654</value></header></headers></w></named_collections>
 <azure><connection_string>AccountName=a;AccountKey=azk==;EndpointSuffix=x</connection_string></azure>
 <kafka_orders><sasl_password>kpw</sasl_password></kafka_orders>
 <from_env_ok><password from_env="PW"/><secret encrypted_by="AES_128_GCM_SIV">00ff</secret></from_env_ok>
 <placeholders><password>${PW}</password><token>****</token><access_key_id>AKIAIDONLY</access_key_id></placeholders>
 <users><u><password>not-here</password></u></users>
</clickhouse>"""


def test_credentials_by_name_by_place_and_inside_values() -> None:
    found = {(s.kind, s.where.split(": ", 1)[1]) for s in tree_secrets(parse_xml(CONFIG, "c.xml"), "c.xml")}
    assert found == {
        ("cluster_secret", "substitutions_cluster.c.secret"),  # named by where it sits, not the section
        ("replica_password", "substitutions_cluster.c.shard.replica.password"),
        ("zookeeper_identity", "zk-servers.identity"),
        ("http_header", "s3.ep.header"),
        ("url_credentials", "named_collections.w.url"),
        ("http_header", "named_collections.w.headers.header"),
        ("connection_string", "azure.connection_string"),
        ("kafka_sasl_password", "kafka_orders.sasl_password"),
    }


def test_no_secret_value_is_kept() -> None:
    for secret in tree_secrets(parse_xml(CONFIG, "c.xml"), "c.xml"):
        assert "redacted" in secret.redacted
        assert not any(v in secret.redacted for v in ("replica-pw", "zkpw", "tok-123456", "urlpw", "azk==", "kpw"))


def test_weak_plaintext_passwords() -> None:
    assert plaintext_reason("etl", "changeme") == "on the list of well-known passwords"
    assert plaintext_reason("etl", "Password1!") is not None
    assert plaintext_reason("etl", "etl2024") is not None  # the user name with a suffix
    assert plaintext_reason("etl", "q8#Lm2!vXr9@") is None
