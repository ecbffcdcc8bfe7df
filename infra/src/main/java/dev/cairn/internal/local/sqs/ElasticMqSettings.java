package dev.cairn.internal.local.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * ElasticMQ's configuration for one local server. Its builder has no storage option, so the server
 * is configured the way its standalone distribution is, through Typesafe Config.
 */
public final class ElasticMqSettings {
    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = "us-east-1";

    private ElasticMqSettings() {}

    /** The H2 URI of the message store in {@code dataDir}; WRITE_DELAY=0 so an acknowledged send survives kill -9. */
    public static String storageUri(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("emq").toString().replace('\\', '/') + ";WRITE_DELAY=0";
    }

    public static Config config(int port, Optional<Path> dataDir) {
        StringBuilder c = new StringBuilder();
        // The defaults bind 0.0.0.0:9324: always loopback, always the given port.
        c.append("rest-sqs.bind-hostname = \"127.0.0.1\"\n");
        c.append("rest-sqs.bind-port = ").append(port).append('\n');
        c.append("rest-sqs.sqs-limits = strict\n");
        // Queue URLs carry the address clients reach, not "localhost:9324".
        c.append("generate-node-address = true\n");
        // ARNs like real SQS's in the region the clients use (ElasticMQ's default region is "elasticmq").
        c.append("aws.region = \"").append(REGION).append("\"\n");
        c.append("aws.accountId = \"").append(ACCOUNT_ID).append("\"\n");
        // The jar's application.conf sets Pekko to DEBUG: thousands of lines per test run.
        c.append("pekko.loglevel = \"WARNING\"\n");
        c.append("pekko.stdout-loglevel = \"WARNING\"\n");
        c.append("pekko.log-dead-letters = off\n");
        c.append("pekko.log-dead-letters-during-shutdown = off\n");
        if (dataDir.isPresent()) {
            c.append("messages-storage {\n  enabled = true\n  driver-class = \"org.h2.Driver\"\n  uri = \"")
                    .append(storageUri(dataDir.get())).append("\"\n  prune-data-on-init = false\n}\n");
        } else {
            c.append("messages-storage.enabled = false\n");
        }
        return ConfigFactory.parseString(c.toString()).withFallback(ConfigFactory.load()).resolve();
    }
}
