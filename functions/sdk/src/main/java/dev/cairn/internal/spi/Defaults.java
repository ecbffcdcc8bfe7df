package dev.cairn.internal.spi;

/** Default values for absent arguments: primitives cannot be null. */
public final class Defaults {
  private Defaults() {}

  @SuppressWarnings("unchecked")
  public static <T> T defaultValue(Class<T> type) {
    if (type == null || !type.isPrimitive()) return null;
    Object v;
    if (type == boolean.class) v = false;
    else if (type == char.class) v = '\0';
    else if (type == byte.class) v = (byte) 0;
    else if (type == short.class) v = (short) 0;
    else if (type == int.class) v = 0;
    else if (type == long.class) v = 0L;
    else if (type == float.class) v = 0f;
    else if (type == double.class) v = 0d;
    else v = null; // void
    return (T) v;
  }
}
