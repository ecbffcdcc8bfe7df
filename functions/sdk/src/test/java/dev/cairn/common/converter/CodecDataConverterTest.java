package dev.cairn.common.converter;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecDataConverterTest {

  /** Reverses the bytes and records its name in the encoding, so order is visible. */
  private static final class TagCodec implements PayloadCodec {
    private final String tag;

    TagCodec(String tag) {
      this.tag = tag;
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
      List<Payload> out = new ArrayList<>();
      for (Payload p : payloads) {
        Map<String, String> md = new LinkedHashMap<>(p.getMetadata());
        md.put("encoding", tag + "(" + p.getEncoding() + ")");
        out.add(new Payload(md, reverse(p.getData())));
      }
      return out;
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
      List<Payload> out = new ArrayList<>();
      for (Payload p : payloads) {
        String enc = p.getEncoding();
        assertTrue(enc.startsWith(tag + "("), "decoded in wrong order: " + enc);
        Map<String, String> md = new LinkedHashMap<>(p.getMetadata());
        md.put("encoding", enc.substring(tag.length() + 1, enc.length() - 1));
        out.add(new Payload(md, reverse(p.getData())));
      }
      return out;
    }

    private static byte[] reverse(byte[] b) {
      byte[] r = new byte[b.length];
      for (int i = 0; i < b.length; i++) r[i] = b[b.length - 1 - i];
      return r;
    }
  }

  @Test
  void toPayload_shouldApplyCodecsAndReverse_whenReadBack() {
    DataConverter dc =
        new CodecDataConverter(
            DefaultDataConverter.newDefaultInstance(), List.of(new TagCodec("outer"), new TagCodec("inner")));
    Payload p = dc.toPayload("hello").orElseThrow();
    assertEquals("outer(inner(json/plain))", p.getEncoding());
    assertNotEquals(DefaultDataConverter.STANDARD_INSTANCE.toPayload("hello").orElseThrow(), p);
    assertEquals("hello", dc.fromPayload(p, String.class, String.class));
  }

  @Test
  void toPayloads_shouldEncodeEveryPayload_whenSeveralValues() {
    DataConverter dc = new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(new TagCodec("z")));
    Optional<Payloads> ps = dc.toPayloads("a", 42);
    assertEquals("z(json/plain)", ps.orElseThrow().getPayloads(1).getEncoding());
    assertEquals(42, dc.fromPayloads(1, ps, int.class, int.class));
    assertEquals("a", new EncodedValues(ps, dc).get(0, String.class));
  }
}
