package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.client.WorkflowOptions;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;

@Timeout(30)
class ReplayLoggingTest {
  @WorkflowInterface
  public interface Chatty {
    @WorkflowMethod
    void run(String tag);
  }

  /** Three decisions: each timer ends one, and the next replays what came before. */
  public static class ChattyImpl implements Chatty {
    private static final Logger log = Workflow.getLogger(ChattyImpl.class);

    @Override
    public void run(String tag) {
      log.info("{} before timers", tag);
      Workflow.sleep(Duration.ofMinutes(1));
      log.info("{} between timers", tag);
      Workflow.sleep(Duration.ofMinutes(1));
      log.info("{} after timers", tag);
    }
  }

  @Test
  void getLogger_shouldLogEachLineOnce_whenWorkflowReplaysEarlierDecisions() {
    // slf4j-simple (the test binding) writes to whatever System.err is at the time of each call.
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker("q").registerWorkflowImplementationTypes(ChattyImpl.class);
      env.start();
      env.getWorkflowClient().newWorkflowStub(Chatty.class,
          WorkflowOptions.newBuilder().setTaskQueue("q").build()).run("tag-7c1f");
    } finally {
      System.setErr(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertEquals(1, count(out, "tag-7c1f before timers"), out);
    assertEquals(1, count(out, "tag-7c1f between timers"), out);
    assertEquals(1, count(out, "tag-7c1f after timers"), out);
  }

  private static int count(String text, String line) {
    Matcher m = Pattern.compile(Pattern.quote(line)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
