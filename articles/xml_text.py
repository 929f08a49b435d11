"""Characters XML 1.0 cannot carry: defined in the bottom layer (images/xml_text.py) so that the
image library's forms refuse them too; imported from here by the articles' code."""

from images.xml_text import (
    XML_ILLEGAL,
    EditorTextForm,
    RefusesXmlIllegalText,
    strip_xml_illegal,
    strip_xml_illegal_within,
    validate_xml_text,
)

__all__ = [
    "XML_ILLEGAL",
    "EditorTextForm",
    "RefusesXmlIllegalText",
    "strip_xml_illegal",
    "strip_xml_illegal_within",
    "validate_xml_text",
]
