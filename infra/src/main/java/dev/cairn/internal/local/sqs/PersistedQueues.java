package dev.cairn.internal.local.sqs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names of the queues ElasticMQ persisted in a data directory, read before the server starts.
 *
 * <p>Why: ElasticMQ opens its HTTP port first and restores persisted queues afterwards,
 * asynchronously; a CreateQueue that arrives in between makes the restore fail on "queue already
 * exists", and ElasticMQ then shuts itself down. Knowing which queues to expect, the server can wait
 * until each one answers before anyone creates queues. Reads ElasticMQ's own table ("queue", one row
 * per queue); the persistence test fails if a new ElasticMQ version changes it.
 */
public final class PersistedQueues {
    private PersistedQueues() {}

    public static Set<String> names(Path dataDir) {
        Set<String> names = new LinkedHashSet<>();
        if (!Files.exists(dataDir.resolve("emq.mv.db"))) {
            return names;
        }
        String uri = ElasticMqSettings.storageUri(dataDir) + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(uri, "", "");
             Statement statement = connection.createStatement()) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "QUEUE", null)) {
                if (!tables.next()) {
                    return names;
                }
            }
            try (ResultSet rows = statement.executeQuery("select name from queue")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read ElasticMQ's queues in " + dataDir + ": " + e.getMessage(), e);
        }
        return names;
    }
}
