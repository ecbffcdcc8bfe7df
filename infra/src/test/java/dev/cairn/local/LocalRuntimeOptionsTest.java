package dev.cairn.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LocalRuntimeOptionsTest {

    @Test
    void parse_shouldApplyDefaults_whenNoArguments() throws Exception {
        LocalRuntimeOptions o = LocalRuntimeOptions.parse().orElseThrow();
        assertEquals(8233, o.port());
        assertEquals(Optional.of(Path.of(".cairn")), o.dataDir());
        assertEquals(Path.of("template.yaml"), o.template());
        assertEquals(Optional.empty(), o.dynamodbEndpoint());
        assertEquals(false, o.demo());
    }

    @Test
    void parse_shouldReadEveryOption_inBothSpellings() throws Exception {
        LocalRuntimeOptions o = LocalRuntimeOptions.parse("--port", "0", "--in-memory", "--demo", "--template=t.yaml",
                "--dynamodb-endpoint", "http://127.0.0.1:5000", "--sweep-interval", "10s").orElseThrow();
        assertEquals(0, o.port());
        assertTrue(o.inMemory());
        assertTrue(o.demo());
        assertEquals(Path.of("t.yaml"), o.template());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")), o.dynamodbEndpoint());
        assertEquals(Optional.of(Duration.ofSeconds(10)), o.sweepInterval());
        assertEquals(Optional.of(Path.of("/tmp/x")), LocalRuntimeOptions.parse("--data-dir", "/tmp/x").orElseThrow().dataDir());
        assertEquals(Optional.of(Duration.ofSeconds(30)), LocalRuntimeOptions.parse("--sweep-interval", "PT30S").orElseThrow().sweepInterval());
        assertEquals(Optional.empty(), LocalRuntimeOptions.parse("--port", "1", "--help"));
    }

    @Test
    void parse_shouldRefuseWithReason_whenArgumentsAreBad() {
        assertMessage("unknown option '--prot'", "--prot", "1");
        assertMessage("--port wants a port number", "--port", "eighty");
        assertMessage("--port wants a port number", "--port", "70000");
        assertMessage("--port needs a value", "--port");
        assertMessage("exclude each other", "--in-memory", "--data-dir", "d");
        assertMessage("--dynamodb-endpoint wants an http(s) URL", "--dynamodb-endpoint", "localhost:5000");
        assertMessage("--sweep-interval wants a duration", "--sweep-interval", "often");
    }

    @Test
    void run_shouldExit2WithUsage_whenArgumentsAreBad_and0ForHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LocalRuntime.run(new String[] {"--port", "x"}, new PrintStream(out), new PrintStream(err), Optional.empty(), new CountDownLatch(0));
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("cairn local: --port wants a port number"), message);
        assertTrue(message.contains("Usage: cairn local"), message);

        assertEquals(0, LocalRuntime.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(err), Optional.empty(), new CountDownLatch(0)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--dynamodb-endpoint URL"));
    }

    private static void assertMessage(String expected, String... args) {
        LocalRuntimeOptions.UsageException e = assertThrows(LocalRuntimeOptions.UsageException.class, () -> LocalRuntimeOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
