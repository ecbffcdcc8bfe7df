package dev.cairn.tests;

import static dev.cairn.tests.support.CairnHttp.eventTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.tests.support.CairnHttp;
import dev.cairn.tests.support.EmbeddedStack;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Guests sign a guestbook by update; each caller gets the count its handler returned. */
class UpdateReturnsHandlerResultTest {
  @RegisterExtension
  static final EmbeddedStack stack = EmbeddedStack.sqlite().build();

  @Test
  void sign_shouldReturnTheGuestCount_whenTheHandlerHasGreetedTheGuestThroughAnActivity() {
    CairnHttp api = stack.api();
    api.start("GuestbookWorkflow", "guestbook-e2e");

    CairnHttp.Reply ann = api.post("/workflows/guestbook-e2e/updates/sign", "[\"Ann\"]");
    CairnHttp.Reply bob = api.post("/workflows/guestbook-e2e/updates/sign", "[\"Bob\"]");

    assertEquals(200, ann.status(), ann.toString());
    assertEquals(1, ann.body().get("result").asInt());
    assertEquals(200, bob.status(), bob.toString());
    assertEquals(2, bob.body().get("result").asInt());
    assertEquals(202, api.post("/workflows/guestbook-e2e/signals/close", "[]").status());
    assertEquals("[\"Welcome, Ann!\",\"Welcome, Bob!\"]",
        api.awaitCompleted("guestbook-e2e", Duration.ofSeconds(30)).get("result").toString());
    List<String> types = eventTypes(api.history("guestbook-e2e"));
    assertEquals(2, Collections.frequency(types, "WorkflowExecutionUpdateAccepted"), types.toString());
    assertEquals(2, Collections.frequency(types, "WorkflowExecutionUpdateCompleted"), types.toString());
  }
}
