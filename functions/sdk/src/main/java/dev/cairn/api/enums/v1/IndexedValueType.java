package dev.cairn.api.enums.v1;

/** The type a search attribute is indexed as; mirrors Temporal's proto enum. */
public enum IndexedValueType {
  INDEXED_VALUE_TYPE_UNSPECIFIED,
  INDEXED_VALUE_TYPE_TEXT,
  INDEXED_VALUE_TYPE_KEYWORD,
  INDEXED_VALUE_TYPE_INT,
  INDEXED_VALUE_TYPE_DOUBLE,
  INDEXED_VALUE_TYPE_BOOL,
  INDEXED_VALUE_TYPE_DATETIME,
  INDEXED_VALUE_TYPE_KEYWORD_LIST;

  private static final String PREFIX = "INDEXED_VALUE_TYPE_";

  /** The constant without its {@code INDEXED_VALUE_TYPE_} prefix, as the HTTP API spells it. */
  public String shortName() {
    return EnumNames.shortName(this, PREFIX);
  }

  /** Accepts either the short or the full name, case-insensitively. */
  public static IndexedValueType fromShortName(String name) {
    return EnumNames.fromShortName(IndexedValueType.class, PREFIX, name);
  }
}
