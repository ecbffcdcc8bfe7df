package dev.cairn.internal.aws.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's size of an item, as its limits count it (names and values in UTF-8 bytes), rounded up
 * where the rules leave room, so an item this accepts is never refused by the service.
 */
final class ItemSize {
  /**
   * DynamoDB's largest item, read as 400,000 bytes: AWS states "400 KB" (the service takes a little
   * over 409,000) and moto refuses above 405,000, so the decimal reading is safe on every endpoint.
   */
  static final long MAX_ITEM_BYTES = 400_000;
  /** DynamoDB's largest transaction, all items together. */
  static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;
  /** DynamoDB's most items in one TransactWriteItems. */
  static final int MAX_TRANSACTION_ITEMS = 100;

  private ItemSize() {}

  static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8(e.getKey()) + of(e.getValue());
    }
    return size;
  }

  static long of(AttributeValue v) {
    if (v.s() != null) {
      return utf8(v.s());
    }
    if (v.n() != null) {
      return 21; // a number takes at most 21 bytes
    }
    if (v.hasL()) {
      long size = 3;
      for (AttributeValue e : v.l()) {
        size += 1 + of(e);
      }
      return size;
    }
    if (v.hasM()) {
      long size = 3;
      for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
        size += 1 + utf8(e.getKey()) + of(e.getValue());
      }
      return size;
    }
    return 1; // BOOL, NULL
  }

  static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
