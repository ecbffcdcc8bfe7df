package dev.cairn.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** s3proxy with its filesystem backend, through the SDK's S3 client. */
class LocalS3ServerTest {

    @Test
    void putAndGet_shouldRoundTripOneMegabyte_whenBucketExists(@TempDir Path dir) throws Exception {
        byte[] payload = new byte[1024 * 1024];
        new Random(42).nextBytes(payload);
        try (LocalS3Server server = LocalS3Server.start(dir.resolve("s3"), 0);
             S3Client s3 = LocalClients.s3(server.endpoint())) {
            System.out.printf("s3proxy started in %d ms on %s%n", server.startupTime().toMillis(), server.endpoint());
            s3.createBucket(b -> b.bucket("cairn-payloads"));
            long put = System.nanoTime();
            s3.putObject(b -> b.bucket("cairn-payloads").key("run-1/event-5"), RequestBody.fromBytes(payload));
            long get = System.nanoTime();
            byte[] back = s3.getObjectAsBytes(b -> b.bucket("cairn-payloads").key("run-1/event-5")).asByteArray();
            long done = System.nanoTime();
            System.out.printf("1 MB put %d ms, get %d ms%n", (get - put) / 1_000_000, (done - get) / 1_000_000);
            assertArrayEquals(payload, back);
            // Objects are plain files: what survives a kill -9 of the local runtime.
            assertTrue(Files.size(dir.resolve("s3/cairn-payloads/run-1/event-5")) == payload.length);
        }
    }
}
