package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A guest without a name is turned away by the validator; the guestbook's history shows nothing of it. */
class UpdateRejectedByValidatorTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void sign_shouldAnswer400UpdateRejectedAndLeaveNoTrace_whenTheNameIsBlank() {
    CairnHttp api = stack.api();
    api.start("GuestbookWorkflow", "guestbook-reject");
    api.awaitDescribe("guestbook-reject", Duration.ofSeconds(30), d -> d.path("historyLength").asInt() >= 2);
    String history = api.rawHistory("guestbook-reject");

    CairnHttp.Reply rejected = api.post("/workflows/guestbook-reject/updates/sign", "[\" \"]");

    assertEquals(400, rejected.status(), rejected.toString());
    assertEquals("UPDATE_REJECTED", rejected.text("error"));
    assertEquals("a guest needs a name", rejected.body().get("failure").get("message").asText());
    assertEquals(history, api.rawHistory("guestbook-reject"), "a rejected update writes nothing");
    assertFalse(eventTypes(api.history("guestbook-reject")).contains("WorkflowExecutionUpdateAccepted"));
    CairnHttp.Reply unknown = api.post("/workflows/guestbook-reject/updates/erase", "[\"Ann\"]");
    assertEquals(400, unknown.status(), unknown.toString());
    assertEquals("[\"sign\"]", unknown.body().get("knownUpdateTypes").toString());
  }
}
