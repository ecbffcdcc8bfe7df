package dev.cairn.local;

import dev.cairn.local.lambda.ScheduleExpression;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The command line of {@code ./cairn local}.
 *
 * @param dataDir where state lives; empty with {@code --in-memory}
 * @param sweepInterval replaces the sweeper's schedule (rate(1 minute) in the template) when given
 */
public record LocalRuntimeOptions(
        int port,
        Optional<Path> dataDir,
        Optional<URI> dynamodbEndpoint,
        Optional<URI> awsEndpoint,
        boolean demo,
        Path template,
        Optional<Duration> sweepInterval) {

    public static final int DEFAULT_PORT = 8233;

    public static final String USAGE = """
            Usage: cairn local [options]
              --port N                  serve the API on http://127.0.0.1:N (default 8233; 0 = a free port)
              --data-dir DIR            keep state in DIR (default .cairn)
              --in-memory               keep no state on disk (lost when the runtime stops)
              --dynamodb-endpoint URL   store histories in DynamoDB at URL instead of the embedded SQLite store
              --aws-endpoint URL        use DynamoDB, SQS and S3 at URL (LocalStack: http://localhost:4566)
                                        instead of SQLite, ElasticMQ and s3proxy
              --demo                    also start the sample workflows and print their results
              --template PATH           the SAM template to run (default ./template.yaml)
              --sweep-interval DUR      run the outbox sweeper every DUR, re-sending tasks left unsent
                                        for longer than DUR (ISO-8601 like PT10S, or 10s, 2m)
              --help                    print this help
            """;

    /** Thrown for a command line that cannot be run; the message says what is wrong. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** The options, or empty when {@code --help} was asked for. */
    public static Optional<LocalRuntimeOptions> parse(String... args) throws UsageException {
        int port = DEFAULT_PORT;
        Path dataDir = Path.of(".cairn");
        boolean inMemory = false;
        boolean dataDirGiven = false;
        URI dynamodb = null;
        URI aws = null;
        boolean demo = false;
        Path template = Path.of("template.yaml");
        Duration sweep = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return Optional.empty();
                }
                case "--in-memory" -> inMemory = true;
                case "--demo" -> demo = true;
                case "--port" -> port = port(value != null ? value : next(args, ++i, arg));
                case "--data-dir" -> {
                    dataDir = Path.of(value != null ? value : next(args, ++i, arg));
                    dataDirGiven = true;
                }
                case "--dynamodb-endpoint" -> dynamodb = endpoint(value != null ? value : next(args, ++i, arg));
                case "--aws-endpoint" -> aws = endpoint(value != null ? value : next(args, ++i, arg));
                case "--template" -> template = Path.of(value != null ? value : next(args, ++i, arg));
                case "--sweep-interval" -> sweep = duration(value != null ? value : next(args, ++i, arg));
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        if (inMemory && dataDirGiven) {
            throw new UsageException("--in-memory and --data-dir exclude each other");
        }
        if (aws != null && dynamodb != null) {
            throw new UsageException("--aws-endpoint already points DynamoDB there; drop --dynamodb-endpoint");
        }
        if (aws != null) {
            dynamodb = aws;
        }
        return Optional.of(new LocalRuntimeOptions(port, inMemory ? Optional.empty() : Optional.of(dataDir),
                Optional.ofNullable(dynamodb), Optional.ofNullable(aws), demo, template, Optional.ofNullable(sweep)));
    }

    public boolean inMemory() {
        return dataDir.isEmpty();
    }

    /** The sweeper's schedule override, as the event sources take it. */
    public Optional<ScheduleExpression> sweepSchedule() {
        return sweepInterval.map(ScheduleExpression.Rate::new);
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("--port wants a port number 0-65535, got '" + text + "'");
        }
    }

    private static URI endpoint(String text) throws UsageException {
        try {
            URI uri = URI.create(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dynamodb-endpoint wants an http(s) URL such as http://127.0.0.1:5000, got '" + text + "'");
        }
    }

    private static Duration duration(String text) throws UsageException {
        Duration d;
        try {
            if (text.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
                d = Duration.parse(text);
            } else if (text.matches("\\d+(ms|s|m|h)")) {
                long n = Long.parseLong(text.replaceAll("\\D", ""));
                d = text.endsWith("ms") ? Duration.ofMillis(n) : text.endsWith("s") ? Duration.ofSeconds(n)
                        : text.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
            } else {
                throw new DateTimeParseException("", text, 0);
            }
        } catch (DateTimeParseException e) {
            throw new UsageException("--sweep-interval wants a duration such as PT10S, 10s or 2m, got '" + text + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new UsageException("--sweep-interval must be positive, got '" + text + "'");
        }
        return d;
    }
}
