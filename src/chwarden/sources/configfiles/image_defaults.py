"""The defaults a ClickHouse container starts from, for inputs that only describe changes to them.

A docker-compose file or a ClickHouseInstallation names an image and adds settings; what the image
itself ships decides the rest. Only the security-relevant subset of the upstream files is modelled
(ports, listen addresses, log level, query log, masking rules, access-control switches and the
shipped users.xml), as documented for current releases. Every element is pinned to the line of the
deployment file that selects the image, so a finding caused by a default points at that line.
"""

from __future__ import annotations

from chwarden.model import Location
from chwarden.sources.configfiles.tree import ConfigNode, pin
from chwarden.sources.configfiles.xml_reader import parse_xml

# programs/server/config.xml (security-relevant elements as shipped).
SHIPPED_CONFIG = b"""<clickhouse>
  <logger><level>trace</level><log>/var/log/clickhouse-server/clickhouse-server.log</log></logger>
  <http_port>8123</http_port>
  <tcp_port>9000</tcp_port>
  <mysql_port>9004</mysql_port>
  <postgresql_port>9005</postgresql_port>
  <interserver_http_port>9009</interserver_http_port>
  <max_connections>4096</max_connections>
  <max_concurrent_queries>1000</max_concurrent_queries>
  <path>/var/lib/clickhouse/</path>
  <user_files_path>/var/lib/clickhouse/user_files/</user_files_path>
  <user_directories>
    <users_xml><path>users.xml</path></users_xml>
    <local_directory><path>/var/lib/clickhouse/access/</path></local_directory>
  </user_directories>
  <access_control_improvements>
    <users_without_row_policies_can_read_rows>true</users_without_row_policies_can_read_rows>
    <on_cluster_queries_require_cluster_grant>true</on_cluster_queries_require_cluster_grant>
    <select_from_system_db_requires_grant>true</select_from_system_db_requires_grant>
    <select_from_information_schema_requires_grant>true</select_from_information_schema_requires_grant>
    <settings_constraints_replace_previous>true</settings_constraints_replace_previous>
  </access_control_improvements>
  <allow_plaintext_password>1</allow_plaintext_password>
  <allow_no_password>1</allow_no_password>
  <allow_implicit_no_password>1</allow_implicit_no_password>
  <default_profile>default</default_profile>
  <mark_cache_size>5368709120</mark_cache_size>
  <query_log>
    <database>system</database>
    <table>query_log</table>
    <partition_by>toYYYYMM(event_date)</partition_by>
    <flush_interval_milliseconds>7500</flush_interval_milliseconds>
  </query_log>
  <query_masking_rules>
    <rule>
      <name>hide encrypt/decrypt arguments</name>
      <regexp>((?:aes_)?(?:encrypt|decrypt)(?:_mysql)?)\\s*\\(\\s*(?:'(?:\\\\'|.)+'|.*?)\\s*\\)</regexp>
      <replace>\\1(???)</replace>
    </rule>
  </query_masking_rules>
</clickhouse>
"""

# docker/server/docker_related_config.xml: the image listens on every interface.
DOCKER_RELATED_CONFIG = b"""<clickhouse>
  <listen_host>::</listen_host>
  <listen_host>0.0.0.0</listen_host>
  <listen_try>1</listen_try>
</clickhouse>
"""

# programs/server/users.xml as shipped: default has no password, any network, access management.
SHIPPED_USERS = b"""<clickhouse>
  <profiles>
    <default/>
    <readonly><readonly>1</readonly></readonly>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>::/0</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
      <access_management>1</access_management>
      <named_collection_control>1</named_collection_control>
    </default>
  </users>
  <quotas>
    <default>
      <interval>
        <duration>3600</duration>
        <queries>0</queries>
        <errors>0</errors>
        <result_rows>0</result_rows>
        <read_rows>0</read_rows>
        <execution_time>0</execution_time>
      </interval>
    </default>
  </quotas>
</clickhouse>
"""


def _tree(data: bytes, name: str, at: Location) -> ConfigNode:
    return pin(parse_xml(data, name), at)


def image_server_layers(at: Location, *, docker: bool = True) -> list[ConfigNode]:
    """config.xml (+ the image's config.d/docker_related_config.xml), pinned to ``at``."""
    layers = [_tree(SHIPPED_CONFIG, "image config.xml", at)]
    if docker:
        layers.append(_tree(DOCKER_RELATED_CONFIG, "image docker_related_config.xml", at))
    return layers


def image_users_layer(at: Location) -> ConfigNode:
    return _tree(SHIPPED_USERS, "image users.xml", at)
