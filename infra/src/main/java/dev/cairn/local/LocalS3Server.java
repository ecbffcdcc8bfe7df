package dev.cairn.local;

import dev.cairn.internal.local.Await;
import dev.cairn.internal.local.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * An S3-compatible server (s3proxy) in this JVM on 127.0.0.1, storing objects as plain files under
 * a directory, reached by the ordinary S3 client ({@link LocalClients#s3(URI)}). Requests must be
 * signed with {@link LocalClients}' credentials, as they are against AWS.
 */
public final class LocalS3Server implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Path baseDir;
    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final Duration startupTime;
    private boolean closed;

    private LocalS3Server(Path baseDir, int port) {
        long started = System.nanoTime();
        this.port = port == 0 ? Ports.freeLoopbackPort() : port;
        this.baseDir = baseDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", this.baseDir.toString());
        // From the ApiMetadata object, not the provider string: the string form scans every
        // provider's metadata, including Azure's, whose classes the slim dependency set leaves out.
        this.context = ContextBuilder.newBuilder(new FilesystemApiMetadata())
                .overrides(properties)
                .build(BlobStoreContext.class);
        this.proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + this.port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalClients.ACCESS_KEY, LocalClients.SECRET_KEY)
                .build();
        try {
            proxy.start();
            Await.until(START_TIMEOUT, "s3proxy to start",
                    () -> "STARTED".equals(proxy.getState()) ? Optional.of(true) : Optional.empty());
        } catch (Exception e) {
            close();
            throw new IllegalStateException("s3proxy on port " + this.port + " did not start: " + e.getMessage(), e);
        }
        this.startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** A server on {@code port} (0: a free one) keeping objects under {@code baseDir}, one folder per bucket. */
    public static LocalS3Server start(Path baseDir, int port) {
        return new LocalS3Server(baseDir, port);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path baseDir() {
        return baseDir;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Stops Jetty (whose threads would otherwise keep the JVM alive) and the blob store. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        } finally {
            context.close();
        }
    }

    @Override
    public String toString() {
        return "LocalS3Server[" + endpoint() + ", " + baseDir + "]";
    }

}
