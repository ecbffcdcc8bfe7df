package dev.cairn.common;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.api.enums.v1.IndexedValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchAttributesTest {
  static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("Customer");
  static final SearchAttributeKey<Long> COUNT = SearchAttributeKey.forLong("Count");
  static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");

  @Test
  void get_shouldReturnTypedValue_whenSet() {
    SearchAttributes sa =
        SearchAttributes.newBuilder().set(CUSTOMER, "acme").set(COUNT, 3L).set(TAGS, List.of("a")).build();
    assertEquals("acme", sa.get(CUSTOMER));
    assertEquals(3L, sa.get(COUNT));
    assertEquals(List.of("a"), sa.get(TAGS));
    assertEquals(3, sa.size());
    assertTrue(sa.containsKey(COUNT));
    assertNull(sa.get(SearchAttributeKey.forText("Missing")));
    assertEquals(0, SearchAttributes.EMPTY.size());
  }

  @Test
  void set_shouldReplacePreviousKey_whenSameNameDifferentType() {
    SearchAttributes sa =
        SearchAttributes.newBuilder()
            .set(SearchAttributeKey.forText("Customer"), "old")
            .set(CUSTOMER, "new")
            .build();
    assertEquals(1, sa.size());
    assertEquals("new", sa.get(CUSTOMER));
    assertEquals(0, SearchAttributes.newBuilder(sa).unset(CUSTOMER).build().size());
  }

  @Test
  void key_shouldExposeTypeAndClass_whenCreated() {
    assertEquals("Count", COUNT.getName());
    assertEquals(IndexedValueType.INDEXED_VALUE_TYPE_INT, COUNT.getValueType());
    assertEquals(Long.class, COUNT.getValueClass());
    assertEquals(List.class, TAGS.getValueClass());
    assertNotEquals(SearchAttributeKey.forText("Customer"), CUSTOMER);
  }

  @Test
  void keyValueSetAndUnset_shouldMakeTheSameUpdates_asTheStaticFactories() {
    assertEquals(SearchAttributeUpdate.valueSet(CUSTOMER, "x"), CUSTOMER.valueSet("x"));
    assertEquals(SearchAttributeUpdate.valueUnset(COUNT), COUNT.valueUnset());
    assertEquals(COUNT, COUNT.valueUnset().getKey());
    assertTrue(COUNT.valueUnset().getValue().isEmpty());
    assertThrows(NullPointerException.class, () -> CUSTOMER.valueSet(null));
  }

  @Test
  void update_shouldCarryValueOrNone_whenSetOrUnset() {
    assertEquals("x", SearchAttributeUpdate.valueSet(CUSTOMER, "x").getValue().orElseThrow());
    assertTrue(SearchAttributeUpdate.valueUnset(CUSTOMER).getValue().isEmpty());
  }
}
