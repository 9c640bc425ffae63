"""XML config files through defusedxml, keeping the line of every start tag.

``defusedxml.ElementTree`` builds plain ElementTree elements, which have no line numbers. Its
``DefusedXMLParser`` accepts a custom target, so a small tree builder asks the underlying expat
parser for the current line at each start tag while defusedxml still refuses DTDs, entity
declarations and external references.
"""

from __future__ import annotations

from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from chwarden.model import Location
from chwarden.sources.configfiles.tree import MAX_DEPTH, ConfigError, ConfigNode


class _LineTreeBuilder:
    """An ElementTree parser target that builds ConfigNodes with file:line locations."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.parser: DefusedXMLParser | None = None
        self.stack: list[tuple[ConfigNode, list[str]]] = []
        self.root: ConfigNode | None = None

    def _line(self) -> int | None:
        expat = getattr(self.parser, "parser", None)
        line = getattr(expat, "CurrentLineNumber", None)
        return int(line) if isinstance(line, int) else None

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise ConfigError(f"{self.display}:{self._line()}: elements nested deeper than {MAX_DEPTH} levels")
        node = ConfigNode(tag=tag, location=Location(file=self.display, line=self._line()), attrs=dict(attrs))
        if self.stack:
            self.stack[-1][0].children.append(node)
        else:
            self.root = node
        self.stack.append((node, []))

    def end(self, tag: str) -> None:
        node, parts = self.stack.pop()
        node.text = "".join(parts).strip()
        if node.text:
            node.text_location = node.location

    def data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][1].append(data)

    def close(self) -> ConfigNode | None:
        return self.root


def parse_xml(data: bytes, display: str) -> ConfigNode:
    """Parse XML bytes; any syntax error or forbidden construct becomes a one-line ConfigError."""
    builder = _LineTreeBuilder(display)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":", 1)[0]
        raise ConfigError(f"{display}:{line}: malformed XML ({reason}, column {column})") from None
    except DefusedXmlException as exc:
        at = builder._line()
        raise ConfigError(f"{display}:{at}: forbidden XML construct ({type(exc).__name__}): {exc}") from None
    except RecursionError:
        raise ConfigError(f"{display}: XML nested too deeply") from None
    if not isinstance(root, ConfigNode):
        raise ConfigError(f"{display}: no root element")
    return root
